// "Delete analysis…" at the foot of an analysis page's header, for admins: shown only when the server
// has an admin token (writes are disabled otherwise), asks for the token, calls the DELETE API.
import { adminTokenConfigured } from "@/lib/auth/admin-token";
import { DeleteAnalysisDialog } from "./delete-analysis-dialog";

export function DeleteAnalysis({ slug, title }: { slug: string; title: string }) {
  if (!adminTokenConfigured()) return null;
  return <DeleteAnalysisDialog slug={slug} title={title} />;
}

import type { Metadata } from "next";
import { UploadForm } from "@/components/upload-form";
import { adminTokenConfigured } from "@/lib/auth/admin-token";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "@/lib/uploads/ingest-upload";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload" };

export default function UploadPage() {
  const enabled = adminTokenConfigured();
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Upload analyses</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Drop or pick Markdown failure analyses (up to {MAX_UPLOAD_FILES} files, {MAX_UPLOAD_BYTES / 1024 / 1024} MB each). Each is parsed,
        stored and linked; uploading a file with the same name again replaces it. Scripts can{" "}
        <code className="text-xs">POST /api/analyses</code> with the same token.
      </p>
      {enabled ? (
        <UploadForm maxBytes={MAX_UPLOAD_BYTES} maxFiles={MAX_UPLOAD_FILES} />
      ) : (
        <div
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Uploads are disabled on this server: it has no <code>FAULTLINE_ADMIN_TOKEN</code>. Start it with{" "}
          <code>FAULTLINE_ADMIN_TOKEN=&lt;a long random secret&gt; npm start</code> to enable them, or add files to <code>content/</code>{" "}
          and run <code>npm run ingest</code>.
        </div>
      )}
    </div>
  );
}

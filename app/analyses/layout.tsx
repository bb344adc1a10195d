// Shared by the analyses list and each analysis page: the "Deleted …" notice survives the client-side
// move from a deleted analysis's page to the list.
import { DeletedNotice } from "@/components/delete-analysis-dialog";

export default function AnalysesLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <DeletedNotice />
      {children}
    </>
  );
}

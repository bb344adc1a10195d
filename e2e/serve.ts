// The e2e server: refuses anything but the throwaway e2e database, recreates it from content/ and
// e2e/fixtures/, then runs the same prepare-and-serve path as `npm start`.
import fs from "node:fs";
import { databasePath } from "../lib/db-url";
import { prepareApp, serve } from "../scripts/start";

const file = databasePath();
if (!/[\\/]data[\\/]e2e[^\\/]*\.db$/.test(file)) {
  console.error(`e2e/serve.ts only runs on a throwaway data/e2e*.db database, not ${file}`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
prepareApp({ content: "content,e2e/fixtures" }).then(serve, (error: Error) => {
  console.error(`e2e server: ${error.message}`);
  process.exit(1);
});

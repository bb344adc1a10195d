// `npm run reviewers -- add NAME | list | revoke NAME`: personal reviewer tokens for the database
// named by DATABASE_URL. `add` prints the token once; only its SHA-256 is stored.
import { migrateDatabase } from "../lib/data/migrations";
import { addReviewer, listReviewers, ReviewerError, revokeReviewer } from "../lib/reviews/reviewers";

const USAGE = `Usage:
  npm run reviewers -- add NAME      create a reviewer and print their personal token (shown once)
  npm run reviewers -- list          reviewers, when they were added or revoked, their annotations
  npm run reviewers -- revoke NAME   revoke the token and end the reviewer's sessions (annotations stay)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const name = rest.join(" ");
  if (command === "add" && name) {
    await migrateDatabase((line) => console.error(line));
    const { token } = await addReviewer(name);
    console.error(
      `Added reviewer "${name}". Their personal token (shown only now; sign in at /sign-in, or send as "Authorization: Bearer"):`,
    );
    console.log(token);
    return 0;
  }
  if (command === "list" && !name) {
    await migrateDatabase((line) => console.error(line));
    const rows = await listReviewers();
    if (!rows.length) console.log("No reviewers yet. Add one with: npm run reviewers -- add NAME");
    for (const r of rows) {
      const state = r.revokedAt
        ? `revoked ${r.revokedAt.toISOString()}`
        : `active, ${r.activeSessions} session${r.activeSessions === 1 ? "" : "s"}`;
      console.log(
        `${r.name}\t${r.kind}\tadded ${r.createdAt.toISOString()}\t${state}\t${r.annotations} annotation${r.annotations === 1 ? "" : "s"}`,
      );
    }
    return 0;
  }
  if (command === "revoke" && name) {
    await migrateDatabase((line) => console.error(line));
    await revokeReviewer(name);
    console.log(`Revoked "${name}": their token no longer works and their sessions ended. Their annotations stay.`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`reviewers: ${error instanceof ReviewerError ? error.message : (error.stack ?? error.message)}`);
    process.exit(1);
  },
);

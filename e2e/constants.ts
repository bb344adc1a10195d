/** The admin token the e2e servers run with (a throwaway value; never used outside tests). */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-not-secret";

/** The read token of the second, private e2e server (a throwaway value; never used outside tests). */
export const E2E_READ_TOKEN = "e2e-read-token-not-secret";

/** The main e2e server's throwaway database; E2E_DB lets parallel runs from one checkout keep apart. */
export const E2E_DB = process.env.E2E_DB || "data/e2e.db";

/** The private server's throwaway database, beside the main one. */
export const E2E_PRIVATE_DB = E2E_DB.replace(/\.db$/, "-private.db");

/** The main server's port; the private server listens 1000 above it. */
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_PRIVATE_PORT = E2E_PORT + 1000;

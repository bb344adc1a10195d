/** The admin token the e2e server runs with (a throwaway value; never used outside tests). */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-not-secret";

// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native / driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // Separate build folders let several servers (dev, e2e) run from one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

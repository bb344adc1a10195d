// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native / driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

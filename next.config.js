// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native / driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // Separate build folders let several servers (dev, e2e) run from one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Every href is checked against the app's routes at typecheck (`next typegen` writes their types first).
  typedRoutes: true,
  // Static assets too (pages also get these, plus the CSP, from proxy.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;

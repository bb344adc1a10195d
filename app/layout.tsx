import type { Metadata } from "next";
import { headers } from "next/headers";
import { DatabaseProblem } from "@/components/database-problem";
import { FragmentLanding } from "@/components/fragment-landing";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { SiteNav } from "@/components/site-nav";
import { THEME_SCRIPT, ThemeToggle } from "@/components/theme-toggle";
import { checkDatabaseHealth } from "@/lib/data/health";
import "./globals.css";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: { default: "Faultline", template: "%s · Faultline" },
    description: "Browse, filter and compare failure analyses of model responses.",
    // Absolute preview-image and og:url addresses need the public origin: FAULTLINE_PUBLIC_URL, else the
    // host this request came to (Next.js would otherwise write http://localhost:…).
    metadataBase: await publicOrigin(),
  };
}

async function publicOrigin(): Promise<URL | null> {
  const configured = env().FAULTLINE_PUBLIC_URL;
  if (configured) return new URL(configured);
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  try {
    return host ? new URL(`${proto}://${host}`) : null;
  } catch {
    return null;
  }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts issues a CSP nonce per request; the theme script must carry it to run.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // A missing, locked or unmigrated database gets a clear page instead of a crash.
  const health = await checkDatabaseHealth();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the stored or system theme before first paint, so dark mode never flashes light. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 pr-4">
            <div className="w-full min-w-0 md:w-auto md:flex-1">
              <SiteNav />
            </div>
            <div className="flex items-center gap-2 pb-3 pl-4 md:pb-0 md:pl-0">
              <form action="/failures" role="search" className="flex">
                <label htmlFor="site-search" className="sr-only">
                  Search failures
                </label>
                <input
                  id="site-search"
                  name="q"
                  type="search"
                  data-search-input="global"
                  placeholder="Search failures  ( / )"
                  className="w-48 rounded border border-slate-300 bg-white px-2 py-1 text-sm placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400"
                />
              </form>
              <ThemeToggle />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {health.ok ? children : <DatabaseProblem health={health} />}
        </main>
        <footer className="mx-auto max-w-7xl px-4 pb-6 text-xs text-slate-600 dark:text-slate-400">
          Press <kbd className="rounded border border-slate-300 px-1 font-mono dark:border-slate-600">?</kbd> for keyboard shortcuts.
        </footer>
        <KeyboardShortcuts />
        <FragmentLanding />
      </body>
    </html>
  );
}

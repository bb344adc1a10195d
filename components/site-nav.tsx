import Link from "next/link";

/** Every top-level view; pages own their URLs, this list only links them. */
export const NAV_LINKS = [
  { href: "/analyses", label: "Analyses" },
  { href: "/failures", label: "Failures" },
  { href: "/scores", label: "Scores" },
  { href: "/gaps", label: "Knowledge gaps" },
  { href: "/compare", label: "Compare" },
  { href: "/upload", label: "Upload" },
] as const;

export function SiteNav() {
  return (
    <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-3">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Faultline
      </Link>
      {NAV_LINKS.map((link) => (
        <Link key={link.href} href={link.href} className="text-sm text-slate-700 hover:underline dark:text-slate-300">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

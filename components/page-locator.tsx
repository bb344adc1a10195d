"use client";
// Sends a fragment to the page that holds it: the analysis page shows 50 failures and the raw view
// 2,000 lines per `?page=`, so `#failure-<key>` (or an old `#failure-7`, or a diff line in it) and
// `#raw-L1234` may name something on another page. Raw lines are found by arithmetic; failures by
// asking /api/analyses/<slug>/locate. Landing on the element itself is FragmentLanding's job.
import { useEffect } from "react";
import { currentHash, parseFragment, rawPageOfLine, withPage } from "@/lib/render/pages";
import { apiLocateHref } from "@/lib/routes/paths";

export interface PageLocatorProps {
  slug: string;
  view: "failures" | "raw";
  page: number;
  pages: number;
  /** Keys and numbers of the failures on this page (as fragments name them). */
  refsHere?: string[];
}

export function PageLocator({ slug, view, page, pages, refsHere = [] }: PageLocatorProps) {
  useEffect(() => {
    let cancelled = false;
    const go = (targetView: "failures" | "raw", targetPage: number) => {
      if (cancelled || (targetView === view && targetPage === page)) return;
      const url = new URL(window.location.href);
      if (targetView === "raw") url.searchParams.set("view", "raw");
      else url.searchParams.delete("view");
      window.location.replace(withPage(`${url.pathname}${url.search}${url.hash}`, targetPage));
    };
    const locate = () => {
      const target = parseFragment(currentHash());
      if (!target) return;
      if (target.kind === "raw") {
        if (view === "raw" && rawPageOfLine(target.line) !== page) go("raw", rawPageOfLine(target.line));
        return;
      }
      if (view === "failures" && pages === 1) return;
      if (view === "failures" && refsHere.includes(target.ref)) return;
      void fetch(apiLocateHref(slug, `failure-${target.ref}`), { credentials: "same-origin" })
        .then((r) => (r.ok ? (r.json() as Promise<{ view: "failures" | "raw"; page: number }>) : null))
        .then((found) => found && go(found.view, found.page))
        .catch(() => {});
    };
    locate();
    window.addEventListener("hashchange", locate);
    return () => {
      cancelled = true;
      window.removeEventListener("hashchange", locate);
    };
  }, [slug, view, page, pages, refsHere]);
  return null;
}

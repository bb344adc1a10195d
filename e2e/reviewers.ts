// Reviewer helpers shared by the review journeys: a personal token made the way an admin makes one
// (`npm run reviewers -- add NAME`), and a browser context signed in with it on /sign-in.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "./postgres-project";

/** Adds a reviewer to the server's database (the relative path of its throwaway file); returns the token. */
export function addReviewer(db: string, name: string): string {
  // A retried test meets the reviewer its first attempt made: revoke it (an unknown name is fine) so a
  // fresh token can be issued under the same name.
  try {
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/reviewers.ts", "revoke", name], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(db) },
      stdio: "ignore",
    });
  } catch {
    // not there yet
  }
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/reviewers.ts", "add", name], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(db) },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const token = out.trim().split("\n").pop()!;
  expect(token).toMatch(/^flr_[A-Za-z0-9_-]{43}$/);
  return token;
}

export async function signedIn(
  browser: Browser,
  token: string,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Personal token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return { context, page };
}

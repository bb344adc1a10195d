import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./constants";

/** Deletes analyses a spec uploaded, so later specs see only the fixture set. */
export async function deleteAnalyses(request: APIRequestContext, slugs: Iterable<string>): Promise<void> {
  for (const slug of new Set(slugs)) {
    const response = await request.delete(`/api/analyses/${encodeURIComponent(slug)}`, {
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    });
    expect([200, 404]).toContain(response.status());
  }
}

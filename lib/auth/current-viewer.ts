// The viewer of the page being rendered (server components): resolved once per request from the
// request's headers and cookie. A broken or unmigrated database means "nobody signed in", never a crash.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { resolveViewer, type Viewer } from "./reviewer";

export const currentViewer = cache(async (): Promise<Viewer> => {
  try {
    return await resolveViewer(await headers());
  } catch {
    return null;
  }
});

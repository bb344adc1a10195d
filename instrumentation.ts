// Next.js calls onRequestError for every server error while rendering a page or answering a route;
// the page cache must not keep what was rendered meanwhile (lib/cache/render-errors.ts).
import { countRenderError } from "./lib/cache/render-errors";

export function onRequestError(): void {
  countRenderError();
}

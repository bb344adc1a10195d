// Server errors Next.js reported while handling requests in this process (instrumentation.ts), so the
// page cache (lib/cache/page-cache.ts) can refuse to keep a page rendered while one happened: a page
// whose data read failed shows the error, which must not outlive the failure. Kept on globalThis, which
// the Next.js server and the custom server around it share in one process.
const counter = globalThis as unknown as { faultlineRenderErrors?: number };

export function countRenderError(): void {
  counter.faultlineRenderErrors = (counter.faultlineRenderErrors ?? 0) + 1;
}

export function renderErrorCount(): number {
  return counter.faultlineRenderErrors ?? 0;
}

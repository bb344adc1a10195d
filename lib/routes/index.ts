// Every href the app emits: one place builds each URL (pinned byte for byte by tests/routes). Client
// components import ./paths directly (no filter modules in their bundle).
export * from "./lists";
export * from "./paths";
export { toQueryString } from "./query";

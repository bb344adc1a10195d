// Shared vocabulary: severities, slugs and ids, the records components take. Imports nothing of ours
// but the parse record's severity list (lib/parser/types.ts); every layer may import it.
export * from "./api-error";
export * from "./lists";
export * from "./records";
export * from "./severity";
export * from "./slug";
export * from "./views";

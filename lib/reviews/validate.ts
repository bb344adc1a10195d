// What the annotations API accepts: strict shapes (an unknown field is an error), with a message that
// names the field. Pure (zod only), shared by the API and its tests.
import { z } from "zod";
import { GRADED_SEVERITIES } from "../domain";

export const VERDICTS = ["agree", "disagree", "unsure"] as const;
export type Verdict = (typeof VERDICTS)[number];
/** What a reviewer may propose: a graded severity. */
export const PROPOSED_SEVERITIES = GRADED_SEVERITIES;

/** Characters in one comment (Markdown source). */
export const MAX_COMMENT_CHARS = 10_000;
/** Bytes in one request body: beyond this the API answers 413 without reading further. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;

const tag = z
  .string()
  .trim()
  .min(1, "a tag is empty")
  .max(MAX_TAG_CHARS, `a tag is at most ${MAX_TAG_CHARS} characters`)
  .regex(/^[^\u0000-\u001f\u007f]+$/, "a tag has control characters")
  // List filters name tags comma-separated (?tag=a,b).
  .regex(/^[^,]+$/, "a tag has a comma (tags are separate list items)");

const fields = {
  verdict: z.enum(VERDICTS, `expected one of ${VERDICTS.join(", ")}`),
  severity: z.enum(PROPOSED_SEVERITIES, `expected one of ${PROPOSED_SEVERITIES.join(", ")} or null`).nullable(),
  comment: z.string(`expected text`).max(MAX_COMMENT_CHARS, `at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters`),
  tags: z.array(tag, "expected a list of tags").max(MAX_TAGS, `at most ${MAX_TAGS} tags`),
};

const ref = (what: string) =>
  z.string(`expected the ${what} as text`).trim().min(1, `the ${what} is empty`).max(300, `the ${what} is too long`);

export const createSchema = z.strictObject({
  analysis: ref("analysis slug"),
  failure: ref("failure key"),
  verdict: fields.verdict,
  severity: fields.severity.optional(),
  comment: fields.comment.optional(),
  tags: fields.tags.optional(),
});

export const patchSchema = z
  .strictObject({
    id: z.number("expected the annotation id as a number").int("expected a whole number").positive("expected a positive id"),
    verdict: fields.verdict.optional(),
    severity: fields.severity.optional(),
    comment: fields.comment.optional(),
    tags: fields.tags.optional(),
  })
  .refine((p) => p.verdict !== undefined || p.severity !== undefined || p.comment !== undefined || p.tags !== undefined, {
    message: "nothing to change: send verdict, severity, comment or tags",
  });

/** PUT /api/reviews: the viewer's tick and/or overall comment on one analysis. */
export const analysisReviewSchema = z
  .strictObject({
    analysis: ref("analysis slug"),
    viewed: z.boolean("expected true or false").optional(),
    comment: fields.comment.optional(),
  })
  .refine((p) => p.viewed !== undefined || p.comment !== undefined, { message: "nothing to change: send viewed, comment or both" });

export type CreateInput = z.infer<typeof createSchema>;
export type PatchInput = z.infer<typeof patchSchema>;

export class InvalidInput extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

/** Tags without duplicates (case-insensitive), in the order given. */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const k = t.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Parses `body` with `schema`; throws InvalidInput naming the first bad field. */
export function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `\`${k}\``).join(", ");
    return fail(
      `Unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}: accepted are ${Object.keys((schema as unknown as { shape?: object }).shape ?? {}).join(", ") || "the documented fields"}.`,
      issue.keys[0] ?? null,
    );
  }
  const field = issue.path.map(String).join(".");
  if (!field) return fail(`Invalid request body: ${issue.message}.`, null);
  return fail(`Invalid field \`${field}\`: ${issue.message}.`, field);
}

function fail(message: string, field: string | null): never {
  throw new InvalidInput(message, field);
}

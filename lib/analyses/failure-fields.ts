// A failure's labelled fields as stored (Failure.fieldsJson): what the report said that no other
// column holds ("Training Value", "Category", "Lesson"). Pure; bad JSON reads as no fields.
import { z } from "zod";

const fieldsSchema = z.array(z.object({ label: z.string(), text: z.string() }));

export type FailureField = z.infer<typeof fieldsSchema>[number] & {
  /** The text as stored HTML (Failure.fieldsHtml, rendered at ingest); null: render the text. */
  html: string | null;
};

/** The fields with text, each with its stored HTML when `htmlJson` (one entry per field) has it. */
export function failureFields(json: string | null | undefined, htmlJson?: string | null): FailureField[] {
  const html = parseJson(htmlJson);
  const htmls = Array.isArray(html) ? html : [];
  const fields = parseJson(json ?? "[]");
  const parsed = fieldsSchema.safeParse(fields);
  if (!parsed.success) return [];
  return parsed.data
    .map((f, i) => ({ ...f, html: typeof htmls[i] === "string" && htmls[i] ? (htmls[i] as string) : null }))
    .filter((f) => f.text.trim());
}

function parseJson(json: string | null | undefined): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

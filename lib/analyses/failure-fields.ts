// A failure's labelled fields as stored (Failure.fieldsJson): what the report said that no other
// column holds ("Training Value", "Category", "Lesson"). Pure; bad JSON reads as no fields.
import { z } from "zod";

const fieldsSchema = z.array(z.object({ label: z.string(), text: z.string() }));

export type FailureField = z.infer<typeof fieldsSchema>[number];

export function failureFields(json: string | null | undefined): FailureField[] {
  try {
    const parsed = fieldsSchema.safeParse(JSON.parse(json ?? "[]"));
    return parsed.success ? parsed.data.filter((f) => f.text.trim()) : [];
  } catch {
    return [];
  }
}

// The two sides of a failure: the model's (problematic) and the ideal (fixed) prose and code, read
// from the failure's fields. A block takes the side of its field's label, of the markers in its own
// comments ("# ❌ WRONG" / "# ✅ CORRECT"), or of the wording that introduces it; a fix is never
// shown as the model's code.
import type { Code } from "mdast";
import { fieldMarkdown, type Field } from "./fields";
import { isOutputBlock, markerOf, splitBySide, type CodeSide } from "./split-code";
import { stripEmoji } from "./text";
import type { CodeBlock, Side } from "./types";

// ---- sides --------------------------------------------------------------------------------------

export function collectSides(fields: readonly Field[]): { model: Side; ideal: Side } {
  const model: Side = { text: "", code: [] };
  const ideal: Side = { text: "", code: [] };
  const modelText: string[] = [];
  const idealText: string[] = [];
  for (const field of fields) {
    if (field.kind === "model") modelText.push(field.code.length > 0 ? withoutFixLeadIn(fieldMarkdown(field)) : fieldMarkdown(field));
    if (field.kind === "ideal") idealText.push(fieldMarkdown(field));
    for (const code of field.code) {
      for (const part of sideCode(field, code)) (part.side === "model" ? model : ideal).code.push(part.block);
    }
  }
  model.text = modelText.filter(Boolean).join("\n\n").trim();
  ideal.text = idealText.filter(Boolean).join("\n\n").trim();
  return { model, ideal };
}

function sideCode(field: Field, code: Code): Array<{ side: CodeSide; block: CodeBlock }> {
  const block: CodeBlock = { lang: code.lang ?? null, value: code.value };
  const split = splitBySide(block);
  if (split.parts.length > 0) return split.parts;
  if (field.kind === "error" || isOutputBlock(block.lang, block.value, split.markers.size > 0)) return [];
  const marked = split.markers.size === 1 ? [...split.markers][0] : undefined;
  if (field.kind === "model" || field.kind === "ideal") {
    // A problem label ("Issue", "Problem") with a block marked as the fix reads as the fix.
    if (marked && marked !== field.kind && !/^(model|ideal)/i.test(field.label ?? "")) return [{ side: marked, block }];
    // "Model Response Issue:" ... "Our Fix:" + block: a short lead-in line of the fix inside a model field.
    if (field.kind === "model" && fixLeadIn(field.text[(field.textBefore?.get(code) ?? field.text.length) - 1] ?? "")) {
      return [{ side: "ideal", block }];
    }
    return [{ side: field.kind, block }];
  }
  if (marked) return [{ side: marked, block }];
  if (field.kind === "other") return [{ side: introSide(field, code), block }];
  return [];
}

/** A model side's prose without the lead-in of the fix block that follows it ("... Our Fix:"). */
function withoutFixLeadIn(text: string): string {
  const cut = text.lastIndexOf("\n");
  return fixLeadIn(text.slice(cut + 1)) ? text.slice(0, Math.max(cut, 0)).trimEnd() : text;
}

/** A short line ending in a colon that names a fix ("Our Fix:", "Fixed Code (app.py):", "Solution:"). */
function fixLeadIn(line: string): boolean {
  const text = line.trim();
  return (
    text.length <= 60 &&
    /[:：]$/.test(text) &&
    /^(?:(?:our|the|my|applied|proposed|suggested)\s+)?(?:fix(?:ed|es)?|corrected|solution|resolution)\b/i.test(
      stripEmoji(text).replace(/^[*_#\s]+/, ""),
    )
  );
}

/**
 * Side of an unlabelled block from the wording that introduces it, nearest first: the line right
 * before it ("The solution includes:"), the field's own label ("**HOW WE FIXED IT:**", "Examples from
 * IDEAL_RESPONSE"), an earlier lead-in line ending with ':'; else the model's. Earlier prose without
 * a colon is not read: problem statements say "should" and "instead" too.
 */
function introSide(field: Field, code: Code): CodeSide {
  const before = field.textBefore?.get(code) ?? field.text.length;
  const near = sideOfIntro(field.text[before - 1] ?? "");
  if (near) return near;
  const label = field.label ?? "";
  // "Examples from IDEAL_RESPONSE (these were issues during QA)": the parenthesis qualifies the label.
  const problemParen = /\b(issues?|problems?|wrong|incorrect|bugs?|broken)\b/i.test(field.paren ?? "");
  const named = /\bideal[_ ]response/i.test(label) ? "ideal" : /\bmodel[_ ]response/i.test(label) ? "model" : null;
  const byLabel = problemParen ? "model" : (named ?? sideOfLabel(label));
  if (byLabel) return byLabel;
  for (let i = before - 2; i >= 0; i--) {
    const line = field.text[i] ?? "";
    const side = /[:：]\s*$/.test(line) ? sideOfIntro(line) : null;
    if (side) return side;
  }
  // "```…``` This is the corrected version.": the sentence right after the block.
  return sideOfIntro(field.text[before] ?? "") ?? "model";
}

/**
 * A label names a side only by its leading words ("Recommended Addition", "HOW WE FIXED IT",
 * "Model's wrong approach"); a fix word later in a label ("Missing Required Tags") names the topic.
 */
function sideOfLabel(label: string): CodeSide | null {
  const lead = stripEmoji(label)
    .replace(/^(?:how|what|where|why)\s+(?:we|it|was|is|the model|they)\s+/i, "")
    .trim();
  if (/^(?:fix(?:ed|es)?|correct(?:ed|ion)?|solution|resolution|recommended|required|should|ideal|expected|proper|after)\b/i.test(lead)) {
    return "ideal";
  }
  return markerOf(`# ${lead}`);
}

function sideOfIntro(intro: string): CodeSide | null {
  // A short lead-in opening with an instruction: "Add:", "Add to the buckets:", "Replace it with:"
  // give the code to write (the fix); "Remove:" gives the model's code to take out.
  const lead = stripEmoji(intro)
    .replace(/^[*_#>\s-]+/, "")
    .trim();
  if (lead.length <= 120 && /[:：]\**$/.test(lead)) {
    // "Change from:" / "Replace:" then "To:" / "With:": the code before, then the code after.
    // "Replace the bucket resource:" names the code taken out; "Replace it with ...:" the code put in.
    const swap = /^(?:replace|change)\b/i.test(lead) && !/\b(?:with|to|into)\b/i.test(lead);
    if (swap || /^(?:remove|delete|drop)\b|^update\**[:：]|\bfrom\**[:：]$/i.test(lead)) return "model";
    if (/^(?:to|with|into)\**[:：]|^(?:add|update|replace|change|use|set|enable|include|append|insert|create|define)\b/i.test(lead))
      return "ideal";
  }
  if (/\b(required|should|correct(?:ed)?|fix(?:ed)?|ideal|expected|recommended|instead|proper|solution)\b/i.test(intro)) {
    return "ideal";
  }
  return markerOf(`# ${intro}`);
}

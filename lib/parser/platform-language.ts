// The platform (CDK, CDKTF, Pulumi, Terraform, CloudFormation, ...) and language a report is about:
// stated on a metadata line, else counted in its prose and its code fences.
import type { Code, Root } from "mdast";
import { codeBlocks, sliceOf } from "./text";

/**
 * Platform, its pattern, and lower-case words one of which any match contains (looked up in the
 * lower-cased text before the pattern counts matches: one pass over the text instead of one per test).
 */
const PLATFORMS: ReadonlyArray<[string, RegExp, readonly string[]]> = [
  ["cdktf", /\bcdktf\b|cdk for terraform/gi, ["cdk"]],
  ["pulumi", /\bpulumi\b/gi, ["pulumi"]],
  ["cdk", /\b(?:aws[- ])?cdk\b(?!tf)|aws-cdk-lib/gi, ["cdk"]],
  ["terraform", /\bterraform\b|\bhcl\b/gi, ["terraform", "hcl"]],
  ["cloudformation", /\bcloudformation\b|\bcfn\b/gi, ["cloudformation", "cfn"]],
  ["ansible", /\bansible\b/gi, ["ansible"]],
  ["bicep", /\bbicep\b/gi, ["bicep"]],
  ["arm", /\barm template\b/gi, ["arm template"]],
];

const LANGUAGES: Readonly<Record<string, string>> = {
  py: "python",
  python: "python",
  ts: "typescript",
  typescript: "typescript",
  tsx: "typescript",
  js: "javascript",
  javascript: "javascript",
  go: "go",
  golang: "go",
  java: "java",
  hcl: "hcl",
  terraform: "hcl",
  tf: "hcl",
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  csharp: "csharp",
  cs: "csharp",
  "c#": "csharp",
};

export function findPlatformAndLanguage(
  root: Root,
  source: string,
  codes: readonly Code[] = codeBlocks(root),
): { platform: string | null; language: string | null } {
  const head = source.slice(0, 4000);
  const platformLine = /^\s*(?:[-*]\s*)?(?:\*\*)?platform(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*([^\n]+)/im.exec(head);
  const languageLine = /^\s*(?:[-*]\s*)?(?:\*\*)?language(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*([^\n]+)/im.exec(head);
  let platform = platformLine?.[1] ? platformOf(platformLine[1], true) : null;
  platform = platform ?? prosePlatform(root, source);
  let language = languageLine?.[1] ? languageOf(languageLine[1]) : null;
  if (!language && platformLine?.[1]) language = languageOf(/\(([^)]+)\)/.exec(platformLine[1])?.[1] ?? "");
  language = language ?? fenceLanguage(codes);
  return { platform, language };
}

function platformOf(text: string, stated: boolean): string | null {
  let best: string | null = null;
  let bestCount = 0;
  // Lower-casing maps every ASCII letter a case-insensitive pattern matches (and a few others more):
  // a word missing from the lower-cased text means no match.
  const lower = text.toLowerCase();
  for (const [name, pattern, words] of PLATFORMS) {
    if (!words.some((word) => lower.includes(word))) continue;
    const count = (text.match(pattern) ?? []).length;
    if (stated && count > 0) return name;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

function languageOf(text: string): string | null {
  const word = /[A-Za-z#+]+/.exec(text.trim())?.[0]?.toLowerCase() ?? "";
  return LANGUAGES[word] ?? null;
}

function fenceLanguage(codes: readonly Code[]): string | null {
  const counts = new Map<string, number>();
  for (const node of codes) {
    const language = languageOf(node.lang ?? "");
    if (language && language !== "json" && language !== "yaml") counts.set(language, (counts.get(language) ?? 0) + 1);
    else if (language) counts.set(language, (counts.get(language) ?? 0) + 0.5);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

/** Any of the PLATFORMS' words, in any case: a block without one holds no platform's match. */
const PLATFORM_WORD = /cdk|pulumi|terraform|hcl|cloudformation|cfn|ansible|bicep|arm template/i;

/**
 * The platform the prose (every top-level block but code) names most: the blocks' texts joined by
 * line breaks, as platformOf(text, false) counts them, read block by block without joining (no
 * pattern matches a line break, and each block starts and ends where a line break would stand).
 */
function prosePlatform(root: Root, source: string): string | null {
  const counts = new Array<number>(PLATFORMS.length).fill(0);
  for (const node of root.children) {
    if (node.type === "code") continue;
    const text = sliceOf(source, node);
    if (!PLATFORM_WORD.test(text)) continue;
    PLATFORMS.forEach(([, pattern], i) => {
      counts[i] = (counts[i] ?? 0) + (text.match(pattern) ?? []).length;
    });
  }
  let best: string | null = null;
  let bestCount = 0;
  PLATFORMS.forEach(([name], i) => {
    const count = counts[i] ?? 0;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  });
  return best;
}

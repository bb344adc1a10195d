// The platform (CDK, CDKTF, Pulumi, Terraform, CloudFormation, ...) and language a report is about:
// stated on a metadata line, else counted in its prose and its code fences.
import type { Code, Root, RootContent } from "mdast";
import { sliceOf } from "./text";
import { BLOCK_CONTAINERS } from "./text";

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

export function findPlatformAndLanguage(root: Root, source: string): { platform: string | null; language: string | null } {
  const head = source.slice(0, 4000);
  const platformLine = /^\s*(?:[-*]\s*)?(?:\*\*)?platform(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*([^\n]+)/im.exec(head);
  const languageLine = /^\s*(?:[-*]\s*)?(?:\*\*)?language(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*([^\n]+)/im.exec(head);
  let platform = platformLine?.[1] ? platformOf(platformLine[1], true) : null;
  platform = platform ?? platformOf(proseOf(root, source), false);
  let language = languageLine?.[1] ? languageOf(languageLine[1]) : null;
  if (!language && platformLine?.[1]) language = languageOf(/\(([^)]+)\)/.exec(platformLine[1])?.[1] ?? "");
  language = language ?? fenceLanguage(root);
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

function fenceLanguage(root: Root): string | null {
  const counts = new Map<string, number>();
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === "code") {
        const language = languageOf((node as Code).lang ?? "");
        if (language && language !== "json" && language !== "yaml") counts.set(language, (counts.get(language) ?? 0) + 1);
        else if (language) counts.set(language, (counts.get(language) ?? 0) + 0.5);
      } else if (BLOCK_CONTAINERS.has(node.type) && "children" in node && Array.isArray(node.children)) {
        walk(node.children as RootContent[]);
      }
    }
  };
  walk(root.children);
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

function proseOf(root: Root, source: string): string {
  return root.children
    .filter((node) => node.type !== "code")
    .map((node) => sliceOf(source, node))
    .join("\n");
}

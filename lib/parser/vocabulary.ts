// The words failure analyses use: severity levels, section names that hold (or never hold) failures,
// and field labels for the model side, the ideal side and the other per-failure fields.
import { GRADED_SEVERITIES, type Severity } from "./types";

const LEVEL_WORDS: ReadonlyArray<[RegExp, Severity]> = [
  [/^(critical|blocker|blocking|severe|showstopper)$/, "critical"],
  [/^(high|major|significant|important)$/, "high"],
  [/^(medium|moderate|med)$/, "medium"],
  [/^(low|minor|trivial|minimal|cosmetic|none|informational|info|negligible)$/, "low"],
];

function levelOfWord(word: string): Severity | null {
  const lower = word.toLowerCase();
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(lower)) return level;
  return null;
}

/** First level word of a field value ("HIGH (Deployment Blocker)" -> high), or null. */
export function levelOfValue(value: string): Severity | null {
  const words = value.match(/[A-Za-z]+/g) ?? [];
  for (const word of words.slice(0, 6)) {
    const level = levelOfWord(word);
    if (level) return level;
  }
  return null;
}

// Section headings: words that name a level, but not "None"/"Info" (those only count in an item field),
// and not in phrases where the word describes something else.
const HEADING_LEVEL =
  /\b(critical|blocker|severe|high|major|significant|medium|moderate|low|minor|trivial|minimal)\b(?![- ](?:availability|performance|level design|throughput|latency|value))/i;

/** Level named by a section heading ("## High-Impact Failures" -> high), or null. */
export function levelOfHeading(heading: string): Severity | null {
  const match = HEADING_LEVEL.exec(heading);
  return match?.[1] ? levelOfWord(match[1]) : null;
}

/**
 * Level in an item's own title when it is marked as one: "(Critical)", "[HIGH]", "(Severity: High)",
 * a "Critical:" / "High -" prefix, or a lone level word after a dash or bar at the end ("... — High").
 */
const TITLE_LEVEL_MARKS = [
  /[([]\s*(?:(?:severity|priority|impact|risk)(?: level)?\s*[:=-]\s*)?([A-Za-z]+)\s*(?:severity|priority|impact)?\s*[)\]]/i,
  /^([A-Za-z]+)\s*(?:severity)?\s*(?:[:|]|\s[-–—])\s/i,
  /\s[-–—|]\s*([A-Za-z]+)\s*$/,
];

/**
 * A level word that qualifies a failure noun anywhere in a title: "Stack Architecture - MAJOR FAILURE",
 * "External File References (Critical Violation)", "High-Priority Gap". The noun must follow the level
 * word directly, so "Critical Path Issues" or "Low Cost Failures" name no level.
 */
const QUALIFIED_LEVEL =
  /\b(critical|blocker|blocking|severe|showstopper|high|major|significant|important|medium|moderate|med|low|minor|trivial|minimal|cosmetic|negligible)[- ](?:failures?|issues?|problems?|bugs?|errors?|faults?|priority|severity|risk|impact|omissions?|violations?|gaps?|defects?|findings?|concerns?|flaws?|blockers?)\b/i;

export function levelOfTitle(title: string): Severity | null {
  for (const mark of TITLE_LEVEL_MARKS) {
    const word = mark.exec(title)?.[1];
    const level = word ? levelOfWord(word) : null;
    if (level) return level;
  }
  // The pattern names the level words of LEVEL_WORDS but "none" and "info(rmational)" ("No Failure",
  // "Info Issue" name no level): its first match is the first qualified level of the title.
  const qualified = QUALIFIED_LEVEL.exec(title)?.[1];
  return qualified ? levelOfWord(qualified) : null;
}

/**
 * Level leading a value (the first word only, followed by a separator): "MEDIUM - Adds cost" -> medium,
 * "High" -> high; "Attackers gain high privileges", "Minor inconsistency" -> null. Used for fields that also hold prose (Impact, Risk).
 * Priority codes P0-P3 read as critical, high, medium, low.
 */
export function leadingLevelOf(value: string): Severity | null {
  // The word must stand alone as the value: "Minor inconsistency in tagging" is prose, not a level.
  const first = /^[\s*_`[(]*([A-Za-z]+\d?)[\s*_`\])]*(?:$|[-–—:(/,.;|]|(?:severity|priority|impact|risk)\b)/i.exec(value)?.[1] ?? "";
  const priority = /^P([0-3])$/i.exec(first)?.[1];
  if (priority !== undefined) return GRADED_SEVERITIES[Number(priority)] ?? null;
  return levelOfWord(first);
}

/** Qualifier after the level word: "CRITICAL (Security)" -> "Security", "High - Breaks X" -> "Breaks X". */
export function severityNoteOf(value: string): string | null {
  const paren = /^\s*[A-Za-z]+\s*\(([^)]+)\)/.exec(value);
  if (paren?.[1]) return paren[1].trim();
  const dash = /^\s*[A-Za-z]+\s*[-–—:]\s*(.+)$/.exec(value);
  if (dash?.[1]) return dash[1].trim();
  return null;
}

// ---- section headings -------------------------------------------------------------------------

/** Sections that never hold failures, whatever else their heading says. */
const ALWAYS_EXCLUDED =
  /\b(summary|summaries|recap|conclusions?|recommendations?|recommended (?:actions|improvements|next)|strengths?|did well|got right|went well|went right|positive|non[- ]?failures?|not failures|(?:^|(?:all|tests?|checks?|validations?) )passed|tips|best practices to avoid|how to avoid|avoid(?:ing)? (?:these|failures)|recovery steps|next steps|future (?:work|enhancements?|improvements?)|lessons?|learnings?|learning points|takeaways?|analysis|superior|advantages?|benefits|requirements met|what worked|checklist|appendix|glossary|table of contents|methodology|introduction|executive|overview|^(?:(?:aws|external|useful|further|additional|related|official|documentation) ){0,2}references?$)\b|^impacts?\b/i;

/** Sections that hold no failures unless the heading also names failures/issues/fixes. */
const SOFT_EXCLUDED =
  /\b(training|score|scoring|metrics|statistics|observations?|notes|assessment|justification|knowledge|comparison|timeline|posture|readiness|breakdown|legend|validation (?:results|points|summary)|test (?:results|summary)|deployment (?:success|summary|status|results)|quality (?:metrics|indicators)|resources? (?:generated|created)|performance assessment)\b|\bimpact$/i;

/** Sections whose items are enhancements unless an item states a problem. */
const WEAK_CONTEXT =
  /\b(improvements?|enhancements?|best practices?|hardening|applied|added|additional|additions|deviations?|considerations?|optimi[sz]ations?|refinements?|changes|upgrades?)\b/i;

const FAILURE_WORDS =
  /\b(failures?|failed|issues?|faults?|problems?|errors?|mistakes?|bugs?|defects?|gaps?|deficienc(?:y|ies)|flaws?|fixes|fixed|differences|wrong|incorrect|omissions?|violations?|misconfigurations?|vulnerabilit(?:y|ies)|shortcomings|weaknesses|concerns|findings)\b/i;

const NEGATION =
  /^(?:none(?: identified| found| detected| observed)?|no (?:(?:significant|critical|major|other|additional|known) )?(?:failures?|issues?|problems?|faults?|errors?)(?: (?:identified|found|detected))?|zero\b.*|n\/a|not applicable)\.?$/i;

export function isAlwaysExcluded(heading: string): boolean {
  return ALWAYS_EXCLUDED.test(heading);
}

export function isSoftExcluded(heading: string): boolean {
  return SOFT_EXCLUDED.test(heading) && !FAILURE_WORDS.test(heading);
}

export function isWeakContext(heading: string): boolean {
  return WEAK_CONTEXT.test(heading);
}

export function namesFailures(raw: string): boolean {
  // "MODEL_FAILURES", "model_failure": an underscore joins the words of a file name.
  const heading = raw.includes("_") ? raw.replace(/_/g, " ") : raw;
  return FAILURE_WORDS.test(heading) && !/\bno (?:\w+ )?(?:failures|issues)\b/i.test(heading);
}

export function isNegationHeading(heading: string): boolean {
  return NEGATION.test(heading.trim()) || /^no (?:\w+ ){0,2}(?:failures|issues|problems) (?:identified|found)/i.test(heading.trim());
}

// ---- field labels -----------------------------------------------------------------------------

export type FieldKind =
  "model" | "ideal" | "severity" | "category" | "rootCause" | "impact" | "reference" | "location" | "status" | "error" | "other";

const MODEL_LABEL =
  /^(?:model[_ .-]?response\w*(?:\.md)?\b.*|model(?:'s)? (?:output|code|implementation|approach|version|gaps?|issues?|failures?|errors?|mistakes?)\b.*|original\b.*|problem\b.*|problems|issues?|fault|faults|wrong|incorrect|bad|before\b.*|current (?:code|implementation|state)|observed|evidence|what went wrong|model response|specific problems?|compilation issues|security gaps?|missing features|broken code|failure|problematic code|anti-?pattern|don'?t|avoid|generated(?: (?:code|output|implementation|version))?|what the model (?:did|does|produced|generated|wrote)|actual(?: (?:code|output|result|behaviou?r))?)$/i;

const IDEAL_LABEL =
  /^(?:ideal[_ .-]?response\w*(?:\.md)?\b.*|ideal(?: (?:solution|implementation|fix|code|approach|version|pattern))?\b.*|fix(?:es)?(?: (?:applied|implemented|required|needed))?|fixed(?: code)?|correct(?:ed|ion)?(?: (?:code|implementation|approach|version|pattern))?|solution|resolution|after\b.*|expected(?: code| behaviou?r)?|should be|improvements? made|improvements|remediation|recommended (?:fix|code|solution|implementation)|actual (?:working|project)\b.*|code change|corrected code|good|do|better approach|reference (?:implementation|solution|code|version)|what (?:it|the model) should (?:have )?(?:done|do|produced|generated|written))$/i;

const SEVERITY_LABEL = /^(?:impact level|severity(?: level)?|priority|risk(?: level)?|criticality|level)$/i;
const ERROR_LABEL =
  /^(?:(?:deployment|specific|compilation|build|synth(?:esis)?|runtime|terraform|cdk|pulumi|test|lint|validation|typescript|type|aws)?\s*(?:errors?|error messages?|error output|output|logs?|stack trace|traceback|console output)|errors? (?:seen|observed|encountered))$/i;

/**
 * Kinds of the labels met so far: a document asks for the same few labels on every line and item
 * ("Issue", "Fix", "Severity"). Bounded: cleared when it grows past a few thousand labels.
 */
const LABEL_KINDS = new Map<string, FieldKind>();

/** Classifies a field label such as "MODEL_RESPONSE Issue", "IDEAL_RESPONSE Fix", "Impact Level". */
export function kindOfLabel(rawLabel: string): FieldKind {
  const known = LABEL_KINDS.get(rawLabel);
  if (known !== undefined) return known;
  const kind = classifyLabel(rawLabel);
  if (LABEL_KINDS.size >= 4096) LABEL_KINDS.clear();
  LABEL_KINDS.set(rawLabel, kind);
  return kind;
}

function classifyLabel(rawLabel: string): FieldKind {
  const label = rawLabel
    .replace(/\([^)]*\)/g, " ")
    .replace(/[:：]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (label.length === 0) return "other";
  if (SEVERITY_LABEL.test(label)) return "severity";
  if (/^category$/i.test(label)) return "category";
  if (/^root causes?\b/i.test(label)) return "rootCause";
  if (ERROR_LABEL.test(label)) return "error";
  if (/^(?:location|file|files|file path|path|source file|affected files?)$/i.test(label)) return "location";
  if (/^(?:(?:fix )?status|resolution status|state)$/i.test(label)) return "status";
  if (/(?:documentation|docs|reference|references|see also|further reading)$/i.test(label) && !/impact/i.test(label)) return "reference";
  if (MODEL_LABEL.test(label)) return "model";
  if (IDEAL_LABEL.test(label)) return "ideal";
  if (/\bimpacts?$|^impacts?\b|^blast radius$|^consequences?$|^business impact$/i.test(label)) return "impact";
  return "other";
}

/** Side headings inside a failure ("### Original Issue" / "### Improvements Made"). */
export function sideOfHeading(heading: string): "model" | "ideal" | null {
  const text = heading.replace(/[:：]\s*$/, "").trim();
  if (text.length > 40) return null;
  const kind = kindOfLabel(text);
  if (kind === "model" || kind === "ideal") return kind;
  return null;
}

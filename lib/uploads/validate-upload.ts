// Uploads take UTF-8 Markdown or plain text only, judged by the bytes as well as by name and declared
// type: a PNG renamed x.md, a package.json or a Latin-1 file is refused (415, naming the file) before
// anything is parsed or stored. `npm run ingest` stays lenient (it keeps odd files with warnings);
// uploads come from outside, so they are held to what the app is for.
import { firstInvalidUtf8 } from "../ingest/source";

export interface UploadCandidate {
  name: string;
  bytes: Uint8Array;
  /** The declared media type (request or multipart part Content-Type), "" when none. */
  type?: string;
}

const TEXT_EXTENSIONS = new Set(["md", "markdown", "mdown", "mkd", "txt", "text"]);
// Types a browser or script plausibly sends for a Markdown file; the bytes decide the rest.
const TEXT_TYPES = new Set(["", "text/markdown", "text/x-markdown", "text/plain", "application/octet-stream"]);

/** Why this file cannot be uploaded, in one sentence naming it; null when it is UTF-8 text. */
export function uploadProblem(file: UploadCandidate): string | null {
  const name = JSON.stringify(file.name);
  const extension = /\.([^./\\]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension && !TEXT_EXTENSIONS.has(extension)) {
    return `${name}: only Markdown or plain-text files (.md, .markdown, .txt) can be uploaded, not .${extension}.`;
  }
  const [mediaType = "", ...params] = (file.type ?? "")
    .toLowerCase()
    .split(";")
    .map((p) => p.trim());
  if (!TEXT_TYPES.has(mediaType))
    return `${name} was sent as ${mediaType}; only Markdown or plain text (text/markdown, text/plain) can be uploaded.`;
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/"/g, "");
  if (charset && !/^utf-?8$/.test(charset)) return `${name} was sent as ${charset}; only UTF-8 text can be uploaded.`;

  const bytes = file.bytes;
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return `${name} is binary (a NUL byte at line ${lineAt(bytes, nul)}, byte ${nul}); only UTF-8 Markdown or plain text can be uploaded.`;
  const invalid = firstInvalidUtf8(bytes);
  if (invalid) {
    return `${name} is not UTF-8 text (byte ${invalid.offset} on line ${invalid.line} is not valid UTF-8); save it as UTF-8 and upload it again.`;
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  const controls = countControls(text);
  if (controls > 0 && controls / Math.max(1, text.length) > 0.01) {
    return `${name} looks binary (${controls} control characters); only UTF-8 Markdown or plain text can be uploaded.`;
  }
  if (isJsonDocument(text)) return `${name} is a JSON document, not Markdown; only Markdown or plain text can be uploaded.`;
  return null;
}

function isJsonDocument(text: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function countControls(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0x7f) count++;
  }
  return count;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// POST /api/analyses: a Markdown body (text/markdown or text/plain, `?name=` for its label) or a
// multipart form with one or more `file` fields. Requires the admin token; returns the parsed records.
import "server-only";
import { databaseErrorResponse } from "../api/database-error";
import { errorResponse } from "../api/error-response";
import { checkWriteAccess } from "../auth/admin-token";
import { ParseWorkersUnavailableError } from "../ingest/parse-pool";
import { readGapDefinitions } from "../ingest/taxonomy-file";
import { RETRY_AFTER_SECONDS } from "../security/unavailable";
import { ingestUploads, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, type UploadedFile } from "./ingest-upload";
import { uploadProblem } from "./validate-upload";

const json = (status: number, body: unknown) => Response.json(body, { status });
const RETRY = { "Retry-After": String(RETRY_AFTER_SECONDS) };

export async function postAnalyses(request: Request): Promise<Response> {
  const access = checkWriteAccess(request.headers);
  if (!access.ok) return errorResponse(access.code, access.message);

  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES * MAX_UPLOAD_FILES + 64 * 1024) {
    return errorResponse(
      "payload_too_large",
      `Request too large: at most ${MAX_UPLOAD_FILES} files of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB each.`,
    );
  }
  const type = request.headers.get("content-type") ?? "";
  let files: UploadedFile[];
  try {
    files = type.startsWith("multipart/form-data") ? await readMultipart(request) : [await readBody(request)];
  } catch (error) {
    return errorResponse("bad_request", `Could not read the upload: ${(error as Error).message}`);
  }
  if (!files.length) return errorResponse("bad_request", "No file in the request: send Markdown as the body or multipart `file` fields.");
  if (files.length > MAX_UPLOAD_FILES)
    return errorResponse("payload_too_large", `Too many files: at most ${MAX_UPLOAD_FILES} per request.`);
  const tooBig = files.find((f) => f.bytes.byteLength > MAX_UPLOAD_BYTES);
  if (tooBig) {
    return errorResponse(
      "payload_too_large",
      `${tooBig.name} is ${(tooBig.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB per file.`,
    );
  }
  // Only UTF-8 Markdown or plain text, judged by name, declared type and bytes; one bad file refuses
  // the whole request so nothing is half-stored.
  const refused = files.flatMap((file) => {
    const problem = uploadProblem(file);
    return problem ? [{ name: file.name, error: problem }] : [];
  });
  if (refused.length) return errorResponse("unsupported_media_type", refused.map((r) => r.error).join(" "), { extra: { refused } });
  // A broken taxonomy file is the server's problem, not the upload's: say which file and why.
  try {
    readGapDefinitions();
  } catch (error) {
    console.error("upload refused:", error);
    return errorResponse(
      "internal",
      `Upload failed: nothing was stored. The server's ${(error as Error).message} (set FAULTLINE_GAPS_FILE to a valid taxonomy file).`,
    );
  }
  let results;
  try {
    results = await ingestUploads(files);
  } catch (error) {
    if (error instanceof ParseWorkersUnavailableError) {
      return errorResponse("service_unavailable", `Upload failed: nothing was stored. ${error.message}`, { headers: RETRY });
    }
    return databaseErrorResponse(error, "upload");
  }
  const status = results.some((r) => r.status === "added") ? 201 : results.every((r) => r.status === "failed") ? 422 : 200;
  return json(status, { items: results });
}

async function readBody(request: Request): Promise<UploadedFile> {
  const name = new URL(request.url).searchParams.get("name") || "upload.md";
  return { name, bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get("content-type") ?? "" };
}

async function readMultipart(request: Request): Promise<UploadedFile[]> {
  const form = await request.formData();
  const files: UploadedFile[] = [];
  for (const value of form.getAll("file")) {
    if (typeof value === "string") continue;
    files.push({ name: value.name || "upload.md", bytes: new Uint8Array(await value.arrayBuffer()), type: value.type });
  }
  return files;
}

"use client";

import type { Route } from "next";
import Link from "next/link";
import { useRef, useState, useSyncExternalStore } from "react";
import { apiErrorOf } from "@/lib/domain/api-error";

interface UploadItem {
  name: string;
  status: "added" | "updated" | "unchanged" | "failed";
  slug?: string;
  url?: Route;
  error?: string;
  warnings: { code: string; message: string; line: number | null }[];
  record?: { title: string | null; failures: unknown[] };
}

export interface UploadFormProps {
  maxBytes: number;
  maxFiles: number;
}

const TOKEN_KEY = "faultline.adminToken";

// sessionStorage sends no events within its own tab, so the stored token needs no subscription.
const noSubscription = () => () => {};
const readStoredToken = () => sessionStorage.getItem(TOKEN_KEY) ?? "";

const pluralize = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Drop zone + file picker that posts to /api/analyses and lists each file's outcome and warnings. */
export function UploadForm({ maxBytes, maxFiles }: UploadFormProps) {
  // The token last used in this tab fills the field once hydrated (the server has none) until the
  // user types another.
  const storedToken = useSyncExternalStore(noSubscription, readStoredToken, () => "");
  const [typedToken, setToken] = useState<string | null>(null);
  const token = typedToken ?? storedToken;
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<UploadItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (list: FileList | null) => {
    const picked = Array.from(list ?? []);
    const problems = [
      ...picked.filter((f) => f.size > maxBytes).map((f) => `${f.name} is larger than ${maxBytes / 1024 / 1024} MB`),
      ...(picked.length > maxFiles ? [`at most ${maxFiles} files at once`] : []),
    ];
    setError(problems.length ? `Cannot upload: ${problems.join("; ")}.` : null);
    setFiles(problems.length ? [] : picked);
    setResults([]);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!files.length) return setError("Choose at least one .md file first.");
    setBusy(true);
    setError(null);
    sessionStorage.setItem(TOKEN_KEY, token);
    try {
      const body = new FormData();
      for (const file of files) body.append("file", file);
      const response = await fetch("/api/analyses", { method: "POST", body, headers: { authorization: `Bearer ${token}` } });
      const data = (await response.json().catch(() => ({}))) as { items?: UploadItem[] };
      if (!response.ok && !data.items) {
        const refused = apiErrorOf(data);
        if (refused?.code === "unauthorized") throw new Error("The admin token was not accepted.");
        throw new Error(refused?.message ?? `Upload failed (${response.status}).`);
      }
      setResults(data.items ?? []);
      setFiles([]);
      if (input.current) input.current.value = "";
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="block text-sm font-medium">
        Admin token
        <input
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="current-password"
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          required
        />
      </label>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files);
        }}
        className={`rounded border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-blue-500 bg-blue-50 dark:bg-blue-950" : "border-slate-300 dark:border-slate-700"}`}
      >
        <p>Drop .md files here, or</p>
        <label className="mt-2 inline-block cursor-pointer font-medium text-blue-700 underline dark:text-blue-300">
          choose files
          <input
            ref={input}
            type="file"
            accept=".md,.markdown,text/markdown,text/plain"
            multiple
            className="sr-only"
            onChange={(e) => choose(e.target.files)}
          />
        </label>
        {files.length > 0 && (
          <ul className="mt-3 text-left">
            {files.map((f) => (
              <li key={f.name} className="font-mono text-xs">
                {f.name} ({(f.size / 1024).toFixed(1)} KB)
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="submit"
        disabled={busy || !files.length}
        className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        {busy ? "Uploading…" : `Upload ${files.length || ""} file${files.length === 1 ? "" : "s"}`}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <ul aria-label="Upload results" className="space-y-3">
          {results.map((r) => (
            <li key={r.name} className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
              <p>
                <span className="font-mono text-xs">{r.name}</span> — {r.status}
                {r.url && (
                  <>
                    {" "}
                    <Link href={r.url} className="text-blue-700 underline dark:text-blue-300">
                      open “{r.record?.title ?? r.slug}”
                    </Link>{" "}
                    ({pluralize(r.record?.failures.length ?? 0, "failure")}, {pluralize(r.warnings.length, "warning")})
                  </>
                )}
                {r.error && <span className="text-red-700 dark:text-red-300"> {r.error}</span>}
              </p>
              {r.warnings.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-amber-800 dark:text-amber-200">
                  {r.warnings.map((w, i) => (
                    <li key={i}>
                      {w.line !== null ? `line ${w.line}: ` : ""}
                      {w.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

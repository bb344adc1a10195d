"use client";
// Copies an absolute link to the clipboard and says so; falls back to a hidden textarea where the
// Clipboard API is unavailable (plain-http hosts).
import { useState } from "react";

export interface CopyLinkButtonProps {
  /** Path and/or hash, resolved against the current page, e.g. "/analyses/x#failure-3". */
  href: string;
  /** Accessible name, e.g. "Copy link to failure 3". */
  label: string;
  className?: string;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyLinkButton({ href, label, className = "" }: CopyLinkButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const onClick = async () => {
    const ok = await copyText(new URL(href, window.location.href).toString());
    setState(ok ? "copied" : "failed");
    window.setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className={`inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M7.78 3.22a3.25 3.25 0 0 1 4.6 4.6l-1.5 1.5a.75.75 0 1 1-1.06-1.06l1.5-1.5a1.75 1.75 0 0 0-2.48-2.48l-2.5 2.5a1.75 1.75 0 0 0 0 2.48.75.75 0 0 1-1.06 1.06 3.25 3.25 0 0 1 0-4.6Zm.44 9.56a3.25 3.25 0 0 1-4.6-4.6l1.5-1.5a.75.75 0 0 1 1.06 1.06l-1.5 1.5a1.75 1.75 0 0 0 2.48 2.48l2.5-2.5a1.75 1.75 0 0 0 0-2.48.75.75 0 1 1 1.06-1.06 3.25 3.25 0 0 1 0 4.6Z" />
      </svg>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy link"}</span>
    </button>
  );
}

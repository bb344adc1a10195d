"use client";
// One side of the /compare form: a search-as-you-type box over every analysis, asking the server for
// a few matches per keystroke (/api/compare/options) instead of shipping a <select> of all of them.
// The input itself carries the slug (name="a" / "b"), so the form works without JavaScript: type a
// slug and submit. The chosen analysis is spelled out under the box (title, task id, platform), so on
// a phone A and B read as two different analyses even when their titles are the same.
import { useEffect, useId, useRef, useState } from "react";
import { apiErrorOf } from "@/lib/domain/api-error";
import type { PickerOption, PickerResult } from "@/lib/compare/picker";
import { apiCompareOptionsHref } from "@/lib/routes/paths";

export interface AnalysisPickerProps {
  name: "a" | "b";
  label: string;
  /** The analysis chosen on load (from the URL), or null. */
  initial: PickerOption | null;
  /** The URL's value when it names no analysis, so the box shows what was asked. */
  initialText?: string;
  /** The other side's slug, left out of the matches. */
  exclude?: string;
}

/** Waits this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 120;

function describe(o: PickerOption): string {
  return [o.taskId && o.taskId !== o.slug ? `task ${o.taskId}` : null, o.slug, o.platform].filter(Boolean).join(" · ");
}

export function AnalysisPicker({ name, label, initial, initialText, exclude }: AnalysisPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initial?.slug ?? initialText ?? "");
  const [chosen, setChosen] = useState<PickerOption | null>(initial);
  const [result, setResult] = useState<PickerResult | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Ask the server for what was typed (debounced; a newer keystroke cancels the older request).
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q: query });
      if (exclude) params.set("exclude", exclude);
      try {
        const response = await fetch(apiCompareOptionsHref(params), { signal: controller.signal });
        const body = (await response.json()) as unknown;
        const refused = apiErrorOf(body);
        if (refused || !response.ok) {
          setError(refused?.message ?? `The server answered ${response.status}.`);
          setResult(null);
        } else {
          const found = body as PickerResult;
          setError(null);
          setResult(found);
          setActive(found.options.length ? 0 : -1);
        }
      } catch (e) {
        if ((e as Error).name !== "AbortError") setError("Could not search analyses; check the connection and type again.");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, exclude]);

  const options = result?.options ?? [];
  const expanded = open && (options.length > 0 || Boolean(result) || Boolean(error));

  const pick = (o: PickerOption) => {
    setChosen(o);
    setText(o.slug);
    setOpen(false);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setQuery(text === chosen?.slug ? "" : text);
        return;
      }
      if (!options.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter" && expanded && active >= 0 && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="relative min-w-0">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        required
        value={text}
        placeholder="Search by title, task id, slug or platform"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-chosen`}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          setChosen((c) => (c && c.slug === value ? c : null));
          setOpen(true);
          setQuery(value);
        }}
        onFocus={() => {
          if (!chosen) {
            setOpen(true);
            setQuery(text);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label}: matching analyses`}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded border border-slate-300 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((o, i) => (
          <li
            key={o.slug}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(o)}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-2 py-1.5 text-sm ${i === active ? "bg-blue-50 dark:bg-slate-800" : ""}`}
          >
            <span className="block font-medium break-words">{o.title}</span>
            <span className="block font-mono text-xs break-all text-slate-600 dark:text-slate-400">
              {describe(o)} · {o.failureCount} {o.failureCount === 1 ? "failure" : "failures"}
              {o.score ? ` · ${o.score}` : ""}
            </span>
          </li>
        ))}
        {result && (
          <li
            role="presentation"
            className="border-t border-slate-200 px-2 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400"
          >
            {result.total === 0
              ? "No analysis matches."
              : result.total > options.length
                ? `${options.length} of ${result.total.toLocaleString("en")} matches; type more to narrow.`
                : `${result.total} ${result.total === 1 ? "match" : "matches"}.`}
          </li>
        )}
        {error && (
          <li role="presentation" className="px-2 py-1 text-xs text-red-700 dark:text-red-300">
            {error}
          </li>
        )}
      </ul>
      <p id={`${id}-chosen`} className="mt-1 min-h-10 text-xs text-slate-600 dark:text-slate-400" data-testid={`picked-${name}`}>
        {chosen ? (
          <>
            <span className="block font-medium break-words text-slate-900 dark:text-slate-100">{chosen.title}</span>
            <span className="block font-mono break-all">{describe(chosen)}</span>
          </>
        ) : text ? (
          "Pick one of the matches, or type an exact slug."
        ) : (
          "Nothing chosen yet."
        )}
      </p>
    </div>
  );
}

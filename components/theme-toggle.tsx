"use client";
// Light / dark / follow the system. The choice lives in localStorage; the inline script in the root
// layout applies it before first paint (THEME_SCRIPT), this button changes it afterwards.
import { useEffect, useSyncExternalStore } from "react";

export const THEME_KEY = "faultline-theme";
type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };

/** Runs in <head> before paint; keep it tiny and dependency-free. */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

// The stored choice is an external store: the server has none (null until hydrated), the button
// tells its subscribers after writing it.
const listeners = new Set<() => void>();
function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => void listeners.delete(onChange);
}
function storedTheme(): Theme {
  const stored = window.localStorage.getItem(THEME_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribe, storedTheme, () => null);

  useEffect(() => {
    if (theme !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [theme]);

  const onClick = () => {
    const next = NEXT[theme ?? "system"];
    if (next === "system") window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, next);
    apply(next);
    for (const onChange of listeners) onChange();
  };

  const label = theme === null ? "Theme" : `Theme: ${theme}`;
  return (
    <button
      type="button"
      onClick={onClick}
      title="Switch between system, light and dark themes"
      aria-label={theme === null ? "Change theme" : `Theme: ${theme}. Switch to ${NEXT[theme]}`}
      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {label}
    </button>
  );
}

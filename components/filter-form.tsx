"use client";
// A GET form whose checkboxes and selects apply as soon as they change. The URL it navigates to is
// the whole filter state (multi-values comma-joined, page reset, defaults left out: one canonical URL
// per view), so it can be shared and reloaded. Without JavaScript the same form still works through
// its submit button.
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { formUrl, type FormDefaults } from "@/lib/filters/form-url";

export interface FilterFormProps {
  action: string;
  label: string;
  children: React.ReactNode;
  className?: string;
  /** Values the URL leaves out (e.g. `warnings=any`, the default sort). */
  defaults?: FormDefaults;
}

export function FilterForm({ action, label, children, className = "", defaults }: FilterFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (form: HTMLFormElement) =>
    startTransition(() => router.push(formUrl(action, new FormData(form), defaults) as Route, { scroll: false }));
  return (
    <form
      action={action}
      method="get"
      aria-label={label}
      aria-busy={pending}
      className={`${className} ${pending ? "opacity-70 transition-opacity" : ""}`}
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        if (target.type === "search" || target.type === "text" || target.type === "number") return;
        go(event.currentTarget);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        go(event.currentTarget);
      }}
    >
      {children}
    </form>
  );
}

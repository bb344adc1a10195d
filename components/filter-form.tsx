"use client";
// A GET form whose checkboxes and selects apply as soon as they change. The URL it navigates to is
// the whole filter state (multi-values comma-joined, page reset), so it can be shared and reloaded.
// Without JavaScript the same form still works through its submit button.
import { useRouter } from "next/navigation";
import { useTransition } from "react";

export interface FilterFormProps {
  action: string;
  label: string;
  children: React.ReactNode;
  className?: string;
}

function urlFromForm(form: HTMLFormElement, action: string): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== "string" || !value.trim() || key === "page") continue;
    values.set(key, [...(values.get(key) ?? []), value.trim()]);
  }
  const params = new URLSearchParams();
  for (const [key, list] of values) params.set(key, list.join(","));
  const text = params.toString();
  return text ? `${action}?${text}` : action;
}

export function FilterForm({ action, label, children, className = "" }: FilterFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (form: HTMLFormElement) => startTransition(() => router.push(urlFromForm(form, action), { scroll: false }));
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

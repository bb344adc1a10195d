// The link-preview image (OpenGraph / Twitter) for analyses and failures, drawn by next/og with its
// bundled font: flexbox only, inline styles, no network (text the font can't draw is left out).
import { ImageResponse } from "next/og";
import { drawableText } from "./font-coverage";

export const PREVIEW_SIZE = { width: 1200, height: 630 };

const SEVERITY_COLOR: Record<string, { bg: string; fg: string }> = {
  critical: { bg: "#fee2e2", fg: "#991b1b" },
  high: { bg: "#ffedd5", fg: "#9a3412" },
  medium: { bg: "#fef3c7", fg: "#92400e" },
  low: { bg: "#e0f2fe", fg: "#075985" },
  unknown: { bg: "#f1f5f9", fg: "#334155" },
};

export interface PreviewCardProps {
  eyebrow: string;
  title: string;
  /** Task id, platform… shown under the title. */
  meta: string[];
  /** Severity chips: [severity, label]. */
  chips: [string, string][];
  footer?: string;
}

export function previewImage(props: PreviewCardProps): ImageResponse {
  const draw = (text: string) => drawableText(text).text;
  const eyebrow = draw(props.eyebrow);
  const meta = props.meta.map(draw).filter((m) => m && m !== "…");
  const chips = props.chips.map(([severity, label]) => [severity, draw(label)] as const);
  const footer = props.footer && draw(props.footer);
  // A title mostly in a script the bundled font lacks (CJK, Arabic…) falls back to its first meta
  // (task id or slug) rather than a row of gaps.
  const drawn = drawableText(props.title);
  const title = drawn.lost > 0.5 ? (meta[0] ?? "Untitled") : drawn.text;
  const shortTitle = title.length > 110 ? `${title.slice(0, 107)}…` : title;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#0f172a",
        color: "#f8fafc",
        padding: 64,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", fontSize: 28, color: "#94a3b8" }}>
        <div style={{ display: "flex", fontWeight: 700, color: "#f8fafc" }}>Faultline</div>
        <div style={{ display: "flex" }}>{eyebrow}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ display: "flex", fontSize: shortTitle.length > 60 ? 52 : 64, fontWeight: 700, lineHeight: 1.15 }}>{shortTitle}</div>
        {meta.length > 0 && <div style={{ display: "flex", fontSize: 30, color: "#cbd5e1" }}>{meta.join("  ·  ")}</div>}
      </div>
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
        <div style={{ display: "flex", gap: 16 }}>
          {chips.map(([severity, label]) => {
            const color = SEVERITY_COLOR[severity] ?? SEVERITY_COLOR.unknown!;
            return (
              <div
                key={severity + label}
                style={{
                  display: "flex",
                  background: color.bg,
                  color: color.fg,
                  borderRadius: 10,
                  padding: "10px 20px",
                  fontSize: 30,
                  fontWeight: 700,
                }}
              >
                {label}
              </div>
            );
          })}
        </div>
        {footer && <div style={{ display: "flex", fontSize: 26, color: "#94a3b8" }}>{footer}</div>}
      </div>
    </div>,
    PREVIEW_SIZE,
  );
}

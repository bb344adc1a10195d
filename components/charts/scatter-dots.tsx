"use client";
// The scatter plot's dots. Thousands of analyses would be thousands of links with tooltips in the HTML
// and again in the RSC payload (most of /scores' weight at scale); instead each kind of dot is one SVG
// path (a zero-length segment per dot with a round cap), and the dot under the pointer is found here,
// named below the plot, and opened on click. The outlier list and the table carry the same analyses
// as links, for keyboards and for readers without JavaScript.
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { analysisHref } from "@/lib/routes/paths";

/** One spot: x, y (plot units), the slug of the analysis drawn on top, how many are drawn there, score /10, load. */
export type Dot = [x: number, y: number, slug: string, count: number, score: number, load: number];

export interface DotLayer {
  /** Text colour class the dots are drawn with (currentColor). */
  className: string;
  radius: number;
  opacity: number;
  dots: Dot[];
}

interface Props {
  viewBox: string;
  label: string;
  /** Layers drawn in order: the last is on top and wins the pointer. */
  layers: DotLayer[];
  /** The frame: regions, grid, axes (server-rendered). */
  children: ReactNode;
}

const path = (dots: Dot[]) => dots.map(([x, y]) => `M${x} ${y}h0`).join("");

export function ScatterDots({ viewBox, label, layers, children }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const router = useRouter();
  const [hover, setHover] = useState<{ dot: Dot; layer: DotLayer } | null>(null);
  // Built once: the pointer re-renders on every dot it enters, not the thousands of dots.
  const paths = useMemo(() => layers.map((layer) => path(layer.dots)), [layers]);

  /** The dot under the pointer: the nearest within its radius (plus a little), top layer first. */
  function dotAt(event: MouseEvent): { dot: Dot; layer: DotLayer } | null {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    for (const layer of [...layers].reverse()) {
      let best: Dot | null = null;
      let bestDistance = (layer.radius + 2) ** 2;
      for (const dot of layer.dots) {
        const d = (dot[0] - p.x) ** 2 + (dot[1] - p.y) ** 2;
        if (d <= bestDistance) [best, bestDistance] = [dot, d];
      }
      if (best) return { dot: best, layer };
    }
    return null;
  }

  const href = (dot: Dot) => analysisHref(dot[2]);
  return (
    <>
      <svg
        ref={svg}
        viewBox={viewBox}
        role="group"
        aria-label={label}
        className={`h-auto w-full text-[12px] ${hover ? "cursor-pointer" : ""}`}
        onMouseMove={(event) => {
          const hit = dotAt(event);
          if (hit?.dot !== hover?.dot) setHover(hit);
        }}
        onMouseLeave={() => setHover(null)}
        onClickCapture={(event) => {
          const hit = dotAt(event);
          if (!hit) return; // a click beside the dots reaches the outlier region under it
          event.preventDefault();
          event.stopPropagation();
          router.push(href(hit.dot));
        }}
      >
        {children}
        {layers.map((layer, i) => (
          <g key={i} className={layer.className} pointerEvents="none" strokeLinecap="round">
            <path d={paths[i]} stroke="currentColor" strokeWidth={2 * layer.radius + 3} className="stroke-white dark:stroke-slate-950" />
            <path d={paths[i]} stroke="currentColor" strokeWidth={2 * layer.radius} strokeOpacity={layer.opacity} />
          </g>
        ))}
        {hover && (
          <circle
            cx={hover.dot[0]}
            cy={hover.dot[1]}
            r={hover.layer.radius + 2}
            fill="none"
            strokeWidth={2}
            pointerEvents="none"
            className="stroke-slate-900 dark:stroke-white"
          />
        )}
      </svg>
      <p className="min-h-5 text-xs text-slate-700 dark:text-slate-300" aria-live="polite" data-testid="scatter-hover">
        {hover
          ? `${hover.dot[2]}: score ${hover.dot[4]}/10, load ${hover.dot[5]}${hover.dot[3] > 1 ? ` (and ${hover.dot[3] - 1} more here)` : ""}. Click to open.`
          : "Point at a dot to see its analysis; click to open it."}
      </p>
    </>
  );
}

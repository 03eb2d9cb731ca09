// The dashboard charts' colours, read from the CSS variables of app.css so
// light and dark themes both apply (Chart.js draws on a canvas and cannot
// use CSS itself).

import type { BarTone } from "./dashboard";

export interface ChartColours {
  text: string;
  grid: string;
  accent: string;
  band: string;
  tones: Record<BarTone, string>;
}

export function readChartColours(root: Element = document.documentElement): ChartColours {
  const style = getComputedStyle(root);
  const css = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const accent = css("--accent", "#2f5bea");
  const wide = css("--wide", "#c0262d");
  return {
    text: css("--text-muted", "#5b6275"),
    grid: css("--chart-grid", "#e9ecf2"),
    accent,
    band: css("--in-band", "#1a7f4b"),
    tones: {
      narrow: css("--narrow", "#c77700"),
      "in-band": css("--in-band", "#1a7f4b"),
      wide,
      neutral: accent,
      over: wide,
    },
  };
}

/**
 * Calls `onchange` when the system switches between light and dark, so the
 * charts can be drawn again in the new colours; returns an unsubscribe.
 */
export function onThemeChange(onchange: () => void): () => void {
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  query.addEventListener("change", onchange);
  return () => query.removeEventListener("change", onchange);
}

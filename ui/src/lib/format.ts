// Formatting of metric values for display.

import type { MetricsSummary, Verdict } from "../generated";

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** A number with at most `digits` decimals, without trailing zeros. */
export function formatDecimal(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "—";
  return new Intl.NumberFormat("en", { maximumFractionDigits: digits }).format(value);
}

/** ICs per manager as "1 : 4.5"; "—" when there are no managers. */
export function formatRatio(icsPerManager: number | null): string {
  if (icsPerManager === null || !Number.isFinite(icsPerManager)) return "—";
  return `1 : ${formatDecimal(icsPerManager, 1)}`;
}

/** A 0..1 ratio as a whole percentage; "—" when undefined. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  return `${Math.round(ratio * 100)}%`;
}

export function formatBand(min: number, max: number): string {
  return min === max ? `${min}` : `${min}–${max}`;
}

export function verdictLabel(verdict: Verdict | null): string {
  switch (verdict) {
    case "narrow":
      return "Narrow span";
    case "wide":
      return "Wide span";
    case "in_band":
      return "In band";
    case null:
      return "";
  }
}

/** The CSS class of a verdict chip: `narrow`, `in-band` or `wide`. */
export function verdictClass(verdict: Verdict): string {
  return verdict === "in_band" ? "in-band" : verdict;
}

export interface MetricRow {
  testid: string;
  label: string;
  value: string;
  hint?: string;
}

/** The metrics panel's rows, in display order. */
export function metricRows(m: MetricsSummary): MetricRow[] {
  const c = m.coverage;
  return [
    { testid: "metric-people", label: "People", value: formatCount(m.people) },
    { testid: "metric-managers", label: "Managers", value: formatCount(m.managers) },
    { testid: "metric-ics", label: "ICs", value: formatCount(m.ics) },
    { testid: "metric-layers", label: "Layers", value: formatCount(m.layers) },
    {
      testid: "metric-ratio",
      label: "Manager : IC",
      value: formatRatio(m.manager_ic_ratio),
      hint: "ICs per manager",
    },
    {
      testid: "metric-coverage",
      label: "Staff+ coverage",
      value: formatPercent(c.coverage_ratio),
      hint: `${formatCount(c.covered)} of ${formatCount(c.teams)} teams covered`,
    },
  ];
}

export function spanRows(m: MetricsSummary): MetricRow[] {
  return [
    { testid: "metric-span-min", label: "Min", value: formatCount(m.span.min) },
    { testid: "metric-span-median", label: "Median", value: formatDecimal(m.span.median, 1) },
    { testid: "metric-span-mean", label: "Mean", value: formatDecimal(m.span.mean, 1) },
    { testid: "metric-span-max", label: "Max", value: formatCount(m.span.max) },
  ];
}

export function bandRows(m: MetricsSummary): MetricRow[] {
  return [
    { testid: "metric-narrow", label: "Narrow", value: formatCount(m.band.narrow), hint: `span below ${m.band.min}` },
    { testid: "metric-in-band", label: "In band", value: formatCount(m.band.in_band), hint: `span ${formatBand(m.band.min, m.band.max)}` },
    { testid: "metric-wide", label: "Wide", value: formatCount(m.band.wide), hint: `span above ${m.band.max}` },
    { testid: "metric-single-report", label: "Single report", value: formatCount(m.band.single_report), hint: "managers with one report" },
  ];
}

/** A label for anyone, including open reqs (which have no name yet). */
export function displayName(person: { name: string; title: string; id: string }): string {
  return person.name.trim() || person.title.trim() || person.id;
}

const money = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** An amount in currency units, whole units with grouping ("1,234,500"). */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return money.format(Math.round(value));
}

/**
 * `text` of a non-zero amount with an explicit sign: "+3", "−1.5" (a true
 * minus sign, so columns of deltas read evenly).
 */
export function withSign(value: number, text: string): string {
  return `${value > 0 ? "+" : "−"}${text.replace(/^[-−]/, "")}`;
}

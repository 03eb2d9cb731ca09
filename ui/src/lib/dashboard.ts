// Shapes the dashboard's aggregates (computed in Rust) for its charts,
// lists and table. Pure functions: no DOM, no Platform.

import type { Breakdown, DashboardView, GroupBy, Money, OutOfBand, SnapshotRow, Verdict } from "../generated";
import { formatCount, formatDecimal, formatMoney, formatPercent, formatRatio } from "./format";

/** One bar of a bar chart, with the colour role it is drawn in. */
export type BarTone = "narrow" | "in-band" | "wide" | "neutral" | "over";

export interface BarChartData {
  labels: string[];
  values: number[];
  tones: BarTone[];
  /** Bars to shade behind (inclusive indices), e.g. the target band. */
  shade: { from: number; to: number } | null;
  /** A bar to mark with a line, e.g. the overload threshold. */
  marker: { at: number; label: string } | null;
  /** What the chart shows, for its accessible name. */
  description: string;
}

/**
 * Managers per span, every span from 1 to the largest present (gaps drawn
 * as empty bars so the axis reads evenly), the target band shaded.
 */
export function spanHistogram(d: DashboardView): BarChartData {
  const max = Math.max(d.band.max + 1, ...d.span_histogram.map((b) => b.span));
  const counts = new Map(d.span_histogram.map((b) => [b.span, b.managers]));
  const labels: string[] = [];
  const values: number[] = [];
  const tones: BarTone[] = [];
  for (let span = 1; span <= max; span++) {
    labels.push(String(span));
    values.push(counts.get(span) ?? 0);
    tones.push(span < d.band.min ? "narrow" : span > d.band.max ? "wide" : "in-band");
  }
  const from = Math.max(0, d.band.min - 1);
  const to = Math.min(max, d.band.max) - 1;
  return {
    labels,
    values,
    tones,
    shade: to >= from ? { from, to } : null,
    marker: null,
    description:
      `Span of control: managers by number of direct reports, target band ${d.band.min} to ${d.band.max} shaded. ` +
      `${formatCount(d.band.narrow)} narrow, ${formatCount(d.band.in_band)} in band, ${formatCount(d.band.wide)} wide.`,
  };
}

/**
 * Where the shading of bars `shade.from`–`shade.to` (inclusive) starts and
 * ends along the bar axis, from the centre of every bar as drawn: half a
 * slot before the first bar to half a slot after the last. Bar positions,
 * not tick positions: the axis skips tick labels when bars are many, so
 * the n-th tick is not the n-th bar.
 */
export function shadeExtent(
  centres: readonly number[],
  shade: { from: number; to: number } | null,
  slot: number,
): { from: number; to: number } | null {
  if (!shade) return null;
  const first = centres[shade.from];
  const last = centres[shade.to];
  if (first === undefined || last === undefined) return null;
  const [low, high] = first <= last ? [first, last] : [last, first];
  return { from: low - slot / 2, to: high + slot / 2 };
}

/** People per layer, layer 1 (the top) first. */
export function layersChart(d: DashboardView): BarChartData {
  return {
    labels: d.people_per_layer.map((_, i) => `L${i + 1}`),
    values: [...d.people_per_layer],
    tones: d.people_per_layer.map(() => "neutral"),
    shade: null,
    marker: null,
    description:
      `People per layer, ${d.layers} layers: ` +
      d.people_per_layer.map((n, i) => `layer ${i + 1}: ${formatCount(n)}`).join(", ") +
      ".",
  };
}

/**
 * Staff+ engineers by the number of teams they support (0, 1, 2 …), the
 * overload threshold (the policy's max load) marked; bars beyond it are
 * overloaded engineers.
 */
export function loadChart(d: DashboardView): BarChartData {
  const c = d.coverage;
  const loads = d.dashboard.load_histogram;
  const last = Math.max(c.max_load + 1, loads.length - 1);
  const labels: string[] = [];
  const values: number[] = [];
  const tones: BarTone[] = [];
  for (let load = 0; load <= last; load++) {
    labels.push(String(load));
    values.push(loads[load] ?? 0);
    tones.push(load > c.max_load ? "over" : "neutral");
  }
  return {
    labels,
    values,
    tones,
    shade: null,
    marker: { at: c.max_load, label: `max load ${c.max_load}` },
    description:
      `Staff+ load: ${formatCount(c.staff_plus)} staff+ engineers by number of teams supported; ` +
      `max load ${c.max_load} marked, ${formatCount(c.overloaded)} overloaded.`,
  };
}

export interface OutOfBandRow {
  id: string;
  name: string;
  title: string;
  span: number;
  verdict: Verdict;
  /** Reports below the band's minimum or above its maximum. */
  distance: number;
  /** "2 under the band" / "4 over the band". */
  gap: string;
  /** What a screen reader hears for the row's button. */
  label: string;
}

/**
 * The out-of-band managers as list rows, worst first: furthest from the
 * band, then by id (the backend's order, kept stable here so a re-sorted or
 * merged list reads the same).
 */
export function outOfBandRows(list: readonly OutOfBand[]): OutOfBandRow[] {
  return [...list]
    .sort((a, b) => b.distance - a.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => {
      const side = m.verdict === "wide" ? "over" : "under";
      const gap = `${m.distance} ${side} the band`;
      const kind = m.verdict === "wide" ? "Wide" : "Narrow";
      return {
        id: m.id,
        name: m.name || m.id,
        title: m.title,
        span: m.span,
        verdict: m.verdict,
        distance: m.distance,
        gap,
        label: `${m.name || m.id}, ${kind}: ${m.span} reports, ${gap}. Show on the chart`,
      };
    });
}

/** "Showing 100 of 1,234" when the list is capped. */
export function outOfBandCaption(d: DashboardView): string {
  const total = d.dashboard.out_of_band_total;
  if (total === 0) return "Every manager is within the band.";
  const shown = d.dashboard.out_of_band.length;
  return shown < total
    ? `The ${formatCount(shown)} furthest from the band of ${formatCount(total)} managers out of band.`
    : `${formatCount(total)} managers out of band, furthest first.`;
}

export interface BreakdownRow {
  key: string;
  label: string;
  headcount: string;
  cost: string;
  /** Share of all counted people, e.g. "12%". */
  share: string;
  /** The folded "other" row. */
  rest: boolean;
}

function unnamed(by: GroupBy): string {
  return by === "team" ? "No team" : "No department";
}

/** What the row of people without a team or department means. */
export const NO_TEAM_NOTE = "No team: people whose file row names no team.";
export const NO_DEPARTMENT_NOTE =
  "No department: people whose team has no department, or who have no team. " +
  "A department attaches to a team: map a department column when importing.";

/** Why a row has no name, or null for a named row. */
export function unnamedNote(by: GroupBy): string {
  return by === "team" ? NO_TEAM_NOTE : NO_DEPARTMENT_NOTE;
}

/** Cost (integer cents) in currency units as shown: "—" when the org has no costs at all (unknown, not 0). */
export function costText(cost: Money | null, costKnown: boolean): string {
  return costKnown && cost !== null ? formatMoney(cost / 100) : "—";
}

/** Said under the breakdown when no one has a cost. */
export const COST_UNKNOWN_NOTE = "No one has a cost in this workspace (the file had no cost column), so costs show as —.";

/** The top groups then the rest folded into one row ("Other 12 teams"). */
export function breakdownRows(b: Breakdown, people: number, costKnown = true): BreakdownRow[] {
  const share = (n: number): string => formatPercent(people > 0 ? n / people : null);
  const rows: BreakdownRow[] = b.top.map((g, i) => ({
    key: g.name === null ? "(none)" : `${i}:${g.name}`,
    label: g.name ?? unnamed(b.group_by),
    headcount: formatCount(g.headcount),
    cost: costText(g.cost, costKnown),
    share: share(g.headcount),
    rest: false,
  }));
  if (b.rest) {
    const noun = b.group_by === "team" ? "team" : "department";
    rows.push({
      key: "(rest)",
      label: `Other ${formatCount(b.rest.groups)} ${noun}${b.rest.groups === 1 ? "" : "s"}`,
      headcount: formatCount(b.rest.headcount),
      cost: costText(b.rest.cost, costKnown),
      share: share(b.rest.headcount),
      rest: true,
    });
  }
  return rows;
}

export interface Figure {
  testid: string;
  label: string;
  value: string;
  hint?: string;
}

/** The headline figures above the charts. */
export function headlineFigures(d: DashboardView): Figure[] {
  const c = d.coverage;
  return [
    { testid: "dash-people", label: "People", value: formatCount(d.people) },
    { testid: "dash-managers", label: "Managers", value: formatCount(d.managers) },
    { testid: "dash-layers", label: "Layers", value: formatCount(d.layers) },
    {
      testid: "dash-ratio",
      label: "Manager : IC",
      value: formatRatio(d.manager_ic_ratio),
      hint: `${formatCount(d.ics)} ICs`,
    },
    {
      testid: "dash-out-of-band",
      label: "Out of band",
      value: formatCount(d.dashboard.out_of_band_total),
      hint: `${formatCount(d.band.narrow)} narrow · ${formatCount(d.band.wide)} wide`,
    },
    {
      testid: "dash-coverage",
      label: "Team coverage",
      value: formatPercent(c.coverage_ratio),
      hint: `${formatCount(c.covered)} covered · ${formatCount(c.uncovered)} uncovered`,
    },
    {
      testid: "dash-staff-plus",
      label: "Staff+",
      value: formatCount(c.staff_plus),
      hint: `${formatCount(c.overloaded)} over max load ${c.max_load}`,
    },
  ];
}

/** The figures the trend can follow, one at a time (their scales differ). */
export type TrendKey = "people" | "managers" | "layers" | "ratio" | "coverage" | "outOfBand";

export const TREND_METRICS: ReadonlyArray<{ key: TrendKey; label: string }> = [
  { key: "people", label: "People" },
  { key: "managers", label: "Managers" },
  { key: "layers", label: "Layers" },
  { key: "ratio", label: "ICs per manager" },
  { key: "coverage", label: "Coverage %" },
  { key: "outOfBand", label: "Out of band" },
];

function trendValue(s: SnapshotRow, key: TrendKey): number | null {
  switch (key) {
    case "people":
      return s.people;
    case "managers":
      return s.managers;
    case "layers":
      return s.layers;
    case "ratio":
      return s.manager_ic_ratio;
    case "coverage":
      return s.coverage_ratio === null ? null : Math.round(s.coverage_ratio * 1000) / 10;
    case "outOfBand":
      return s.band_narrow + s.band_wide;
  }
}

export interface TrendData {
  /** One point per snapshot, oldest first: when it was taken, "11-27 10:01". */
  labels: string[];
  values: Array<number | null>;
  /** Each point's tooltip: when and why it was taken. */
  notes: string[];
  label: string;
  description: string;
}

/** The chosen figure over the scenario's stored snapshots, oldest first. */
export function trendData(snapshots: readonly SnapshotRow[], key: TrendKey): TrendData {
  const ordered = [...snapshots].sort((a, b) => a.id - b.id);
  const label = TREND_METRICS.find((m) => m.key === key)?.label ?? key;
  const values = ordered.map((s) => trendValue(s, key));
  const last = values.at(-1);
  return {
    labels: ordered.map((s) => s.taken_at.slice(5, 16).replace("T", " ")),
    values,
    notes: ordered.map((s) => `${s.taken_at.slice(0, 16).replace("T", " ")} · ${s.reason}`),
    label,
    description:
      ordered.length === 0
        ? `${label} over time: no snapshots stored for this scenario yet.`
        : `${label} over ${ordered.length} snapshots; latest ${last === null || last === undefined ? "—" : formatDecimal(last, 1)}.`,
  };
}

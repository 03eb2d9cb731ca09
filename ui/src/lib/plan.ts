// Shapes a headcount plan for the plan view: stacked series for the chart
// and formatted table rows.

import type { PlanDto, PlanGroupDto, QuarterFiguresDto } from "../generated";
import { formatCount, formatMoney, withSign } from "./format";

export type SeriesKey = "filled" | "open" | "planned";

/** Stacked bottom to top: who is here, open reqs, reqs planned later. */
export const PLAN_SERIES: ReadonlyArray<{ key: SeriesKey; label: string }> = [
  { key: "filled", label: "Filled" },
  { key: "open", label: "Open reqs" },
  { key: "planned", label: "Planned" },
];

export interface PlanSeries {
  key: SeriesKey;
  label: string;
  data: number[];
}

export interface PlanChartData {
  labels: string[];
  series: PlanSeries[];
  /** Tallest stack, for the axis. */
  max: number;
}

export function planChartData(plan: PlanDto): PlanChartData {
  // The backend sends one figure per quarter; guard against a short list
  // rather than draw NaN bars.
  const at = (i: number): QuarterFiguresDto | undefined => plan.total[i];
  return {
    labels: [...plan.quarters],
    series: PLAN_SERIES.map(({ key, label }) => ({
      key,
      label,
      data: plan.quarters.map((_, i) => at(i)?.[key] ?? 0),
    })),
    max: Math.max(0, ...plan.quarters.map((_, i) => at(i)?.total ?? 0)),
  };
}

export interface PlanCell {
  total: string;
  /** "12 filled · 2 open · 1 planned" for a tooltip. */
  breakdown: string;
  /** Signed budget variance, "" when the group has no budget. */
  variance: string;
  over: boolean;
}

export interface PlanRow {
  name: string;
  budget: string;
  cells: PlanCell[];
}

function breakdown(f: QuarterFiguresDto): string {
  return `${formatCount(f.filled)} filled · ${formatCount(f.open)} open · ${formatCount(f.planned)} planned`;
}

export function planRows(groups: readonly PlanGroupDto[]): PlanRow[] {
  return groups.map((g) => ({
    name: g.name,
    budget: g.budget === null ? "" : formatMoney(g.budget),
    cells: g.quarters.map((f, i) => {
      const v = g.variance[i] ?? null;
      return {
        total: formatCount(f.total),
        breakdown: breakdown(f),
        variance: v === null ? "" : v === 0 ? "0" : withSign(v, formatMoney(Math.abs(v))),
        over: v !== null && v < 0,
      };
    }),
  }));
}

export interface TotalRow {
  key: SeriesKey | "total" | "costTotal";
  label: string;
  values: string[];
}

/** The per-quarter totals table: one row per figure, one column per quarter. */
export function totalRows(plan: PlanDto): TotalRow[] {
  const row = (key: TotalRow["key"], label: string, fmt: (f: QuarterFiguresDto) => string): TotalRow => ({
    key,
    label,
    values: plan.total.map(fmt),
  });
  return [
    ...PLAN_SERIES.map(({ key, label }) => row(key, label, (f) => formatCount(f[key]))),
    row("total", "Total headcount", (f) => formatCount(f.total)),
    row("costTotal", "Cost (annual)", (f) => formatMoney(f.costTotal)),
  ];
}

// Shapes a headcount plan for the plan view: stacked series for the chart
// and formatted table rows.

import type { PlanDto, PlanGroupDto, QuarterFiguresDto } from "../generated";
import { NO_DEPARTMENT_NOTE, NO_TEAM_NOTE } from "./dashboard";
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
  /** Why the row has no team or department; "" for a named group. */
  note: string;
  budget: string;
  cells: PlanCell[];
}

function breakdown(f: QuarterFiguresDto): string {
  return `${formatCount(f.filled)} filled · ${formatCount(f.open)} open · ${formatCount(f.planned)} planned`;
}

export function planRows(groups: readonly PlanGroupDto[], by: "team" | "department"): PlanRow[] {
  return groups.map((g) => ({
    name: g.name,
    note: g.unassigned ? (by === "department" ? NO_DEPARTMENT_NOTE : NO_TEAM_NOTE) : "",
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
    row("costTotal", "Cost (annual)", (f) => (f.costTotal === null ? "—" : formatMoney(f.costTotal))),
  ];
}

/**
 * What the plan view says instead of a flat chart when the scenario has no
 * open reqs or planned hires: every quarter would show today's headcount.
 * `null` when there is something to plan.
 */
export function emptyPlanAdvice(plan: PlanDto): string | null {
  const vacancies = plan.total.some((f) => f.open > 0 || f.planned > 0);
  if (vacancies || plan.total.length === 0) return null;
  const changes = plan.total.some((f) => f.total !== plan.total[0]?.total);
  return (
    "This scenario has no open reqs or planned hires, so the plan " +
    (changes ? "only shows people leaving. " : "shows today's headcount in every quarter. ") +
    "To plan growth, open People → Add person… and add an open req or a planned hire with a target date " +
    "(or run `orgraph hire` on a workspace). Do it in a scenario to compare plans."
  );
}

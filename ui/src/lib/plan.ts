// Shapes a headcount plan for the plan view: stacked series for the chart
// and formatted table rows.

import type { Money, PlanRow, PlanView, QuarterFigures } from "../generated";
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

export function planChartData(plan: PlanView): PlanChartData {
  // The backend sends one figure per quarter; guard against a short list
  // rather than draw NaN bars.
  const at = (i: number): QuarterFigures | undefined => plan.total[i];
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

/** The core sends money as cents; the plan shows whole currency units. */
const units = (money: Money): number => money / 100;

/** Whether any cost counted in `f` is known (none known is unknown, not zero). */
export function costKnown(f: QuarterFigures): boolean {
  return f.costed > 0;
}

export interface PlanTableRow {
  name: string;
  /** Why the row has no team or department; "" for a named group. */
  note: string;
  budget: string;
  cells: PlanCell[];
}

function breakdown(f: QuarterFigures): string {
  return `${formatCount(f.filled)} filled · ${formatCount(f.open)} open · ${formatCount(f.planned)} planned`;
}

export function planRows(groups: readonly PlanRow[], by: "team" | "department"): PlanTableRow[] {
  return groups.map((g) => ({
    name: g.name,
    note: g.unassigned ? (by === "department" ? NO_DEPARTMENT_NOTE : NO_TEAM_NOTE) : "",
    budget: g.budget === null ? "" : formatMoney(units(g.budget)),
    cells: g.quarters.map((f, i) => {
      const cents = g.variance[i] ?? null;
      const v = cents === null ? null : units(cents);
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
export function totalRows(plan: PlanView): TotalRow[] {
  const row = (key: TotalRow["key"], label: string, fmt: (f: QuarterFigures) => string): TotalRow => ({
    key,
    label,
    values: plan.total.map(fmt),
  });
  return [
    ...PLAN_SERIES.map(({ key, label }) => row(key, label, (f) => formatCount(f[key]))),
    row("total", "Total headcount", (f) => formatCount(f.total)),
    row("costTotal", "Cost (annual)", (f) => (costKnown(f) ? formatMoney(units(f.cost_total)) : "—")),
  ];
}

/**
 * What the plan view says instead of a flat chart when the scenario has no
 * open reqs or planned hires: every quarter would show today's headcount.
 * `null` when there is something to plan.
 */
export function emptyPlanAdvice(plan: PlanView): string | null {
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

// Turns a scenario comparison into what the compare view shows: formatted
// values, signed deltas against the baseline, and diff lines by kind.

import type { ComparisonView, DiffLine, ListedScenario } from "../generated";
import { formatCount, formatDecimal, formatMoney, withSign } from "./format";

type MetricKind = "count" | "decimal" | "percent" | "money";

interface MetricSpec {
  label: string;
  kind: MetricKind;
}

// Keyed by the core's metric names (`Summary::figures` in src/scenario/diff.rs).
const METRICS: Record<string, MetricSpec> = {
  people: { label: "People", kind: "count" },
  managers: { label: "Managers", kind: "count" },
  ics: { label: "ICs", kind: "count" },
  roots: { label: "Top-level people", kind: "count" },
  layers: { label: "Layers", kind: "count" },
  span_min: { label: "Span min", kind: "count" },
  span_median: { label: "Span median", kind: "decimal" },
  span_mean: { label: "Span mean", kind: "decimal" },
  span_max: { label: "Span max", kind: "count" },
  band_narrow: { label: "Narrow spans", kind: "count" },
  band_in_band: { label: "Spans in band", kind: "count" },
  band_wide: { label: "Wide spans", kind: "count" },
  single_report: { label: "Single-report managers", kind: "count" },
  manager_ic_ratio: { label: "ICs per manager", kind: "decimal" },
  teams_covered: { label: "Teams with staff+", kind: "count" },
  teams_uncovered: { label: "Teams without staff+", kind: "count" },
  coverage_ratio: { label: "Staff+ coverage", kind: "percent" },
  staff_plus: { label: "Staff+", kind: "count" },
  staff_plus_overloaded: { label: "Overloaded staff+", kind: "count" },
  cost: { label: "Cost (annual total)", kind: "money" },
};

function spec(metric: string): MetricSpec {
  // A metric added to the core later still shows, with its raw name.
  return METRICS[metric] ?? { label: metric.replaceAll("_", " "), kind: "decimal" };
}

export function metricLabel(metric: string): string {
  return spec(metric).label;
}

/** The magnitude of `value` as shown for `metric` (no sign handling). */
function magnitude(kind: MetricKind, value: number): string {
  switch (kind) {
    case "count":
      return formatCount(value);
    case "decimal":
      return formatDecimal(value, 2);
    case "percent":
      return `${formatDecimal(value * 100, 1)}%`;
    case "money":
      return formatMoney(value);
  }
}

export function formatMetricValue(metric: string, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return magnitude(spec(metric).kind, value);
}

/**
 * A delta against the baseline with its sign ("+1", "−0.25", "+2.5 pp",
 * "+120,000"), or "" when there is none or it rounds to zero at the
 * precision shown, so unchanged cells stay quiet.
 */
export function formatDelta(metric: string, delta: number | null): string {
  if (delta === null || !Number.isFinite(delta) || delta === 0) return "";
  const { kind } = spec(metric);
  // Ratios move in percentage points, not percent of themselves.
  const text = kind === "percent" ? `${formatDecimal(Math.abs(delta) * 100, 1)} pp` : magnitude(kind, Math.abs(delta));
  if (/^[0.,]+( pp)?$/.test(text)) return "";
  return withSign(delta, text);
}

export interface CompareCell {
  value: string;
  delta: string;
  /** "up" / "down" for a non-zero delta, "" otherwise (baseline column too). */
  direction: "up" | "down" | "";
  /** Computed with the scenario's own settings, not the baseline's. */
  bySettings: boolean;
}

export interface CompareRow {
  metric: string;
  label: string;
  cells: CompareCell[];
}

/** One row per metric, one cell per scenario (baseline first). */
export function compareRows(comparison: ComparisonView): CompareRow[] {
  return comparison.metrics.map((row) => ({
    metric: row.metric,
    label: metricLabel(row.metric),
    cells: comparison.scenarios.map((_, i) => {
      const delta = i === 0 ? "" : formatDelta(row.metric, row.deltas[i] ?? null);
      const raw = row.deltas[i] ?? 0;
      return {
        value: formatMetricValue(row.metric, row.values[i] ?? null),
        delta,
        direction: delta === "" ? "" : raw > 0 ? "up" : "down",
        bySettings: row.by_settings[i] ?? false,
      };
    }),
  }));
}

/** "reorg has its own settings: span band 4-6 (baseline 5-8)", one per scenario that has them. */
export function settingsNotes(comparison: ComparisonView): { scenario: string; text: string }[] {
  return comparison.scenarios.flatMap((scenario, i) => {
    const note = comparison.settings[i];
    return note ? [{ scenario, text: `${scenario} has its own settings: ${note}.` }] : [];
  });
}

const KINDS: ReadonlyArray<[string, string]> = [
  ["moved", "Moved"],
  ["added", "Added"],
  ["removed", "Removed"],
  ["changed", "Changed"],
  ["team", "Teams"],
  ["support", "Staff+ support"],
  ["dotted", "Dotted lines"],
];

export interface LineGroup {
  kind: string;
  label: string;
  lines: DiffLine[];
}

/** Diff lines grouped by kind, in a fixed reading order; empty kinds left out. */
export function groupLines(lines: readonly DiffLine[]): LineGroup[] {
  const known = new Map(KINDS);
  const groups = new Map<string, DiffLine[]>();
  for (const [kind] of KINDS) groups.set(kind, []);
  for (const line of lines) {
    const list = groups.get(line.kind) ?? [];
    list.push(line);
    groups.set(line.kind, list);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([kind, list]) => ({ kind, label: known.get(kind) ?? kind, lines: list }));
}

/** How a scenario is listed in the switcher: name, changes, parent. */
export function scenarioLabel(s: ListedScenario): string {
  const count = `${s.head} change${s.head === 1 ? "" : "s"}`;
  const undone = s.changes > s.head ? `, ${s.changes - s.head} undone` : "";
  const parent = s.parent && !s.is_baseline ? ` · from ${s.parent}` : "";
  return `${s.name} (${count}${undone})${parent}`;
}

/** Baseline first, then the scenarios in the order the backend lists them. */
export function orderScenarios(all: readonly ListedScenario[]): ListedScenario[] {
  return [...all.filter((s) => s.is_baseline), ...all.filter((s) => !s.is_baseline)];
}

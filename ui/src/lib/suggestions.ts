// What the suggestion previews show: the figures before → after, the
// changes split into assignments and replacements, and the default options
// and names. Every figure and reason is the core's; this only lays them out.

import type {
  Change,
  PlacementOptions,
  PlacementSuggestion,
  SpanOptions,
  SpanSuggestion,
  SuggestedChange,
} from "../generated";
import { formatCount } from "./format";

export const DEFAULT_PLACEMENT_OPTIONS: PlacementOptions = { scope: "department", weight: "teams", keep: [], allow_replace: false };
export const DEFAULT_SPAN_OPTIONS: SpanOptions = { band: null, max_moves: null, keep: [], move_across_teams: false, teams_follow: false };

/** The name "Save as scenario" offers first. */
export const DEFAULT_PLACEMENT_NAME = "Suggested placement";
export const DEFAULT_SPAN_NAME = "Suggested rebalancing";

/** One figure before and after the suggestion; `trend` says whether it moved the good way. */
export interface FigureRow {
  key: string;
  label: string;
  before: string;
  after: string;
  /** "better", "worse" or "same", by the figure's good direction. */
  trend: "better" | "worse" | "same";
  /** After, once the suggested open reqs are filled; null when there are none. */
  filled: string | null;
}

/** A figure "n" or "n / total"; the totals of each side are their own (a merge can leave fewer managers). */
function row(
  key: string,
  label: string,
  [before, after]: [number, number],
  higherIsBetter: boolean,
  [ofBefore, ofAfter]: [number | null, number | null] = [null, null],
): FigureRow {
  const shown = (n: number, of: number | null) => (of === null ? formatCount(n) : `${formatCount(n)} / ${formatCount(of)}`);
  const trend = after === before ? "same" : after > before === higherIsBetter ? "better" : "worse";
  return { key, label, before: shown(before, ofBefore), after: shown(after, ofAfter), trend, filled: null };
}

/** Covered teams, people covered and overloaded engineers, before → after. */
export function placementFigures(s: PlacementSuggestion): FigureRow[] {
  const { before: b, after: a } = s;
  return [
    row("covered-teams", "Teams covered", [b.covered_teams, a.covered_teams], true, [b.teams, a.teams]),
    row("people-covered", "People in covered teams", [b.people_covered, a.people_covered], true, [b.people_in_teams, a.people_in_teams]),
    row("overloaded", "Overloaded staff+", [b.overloaded, a.overloaded], false),
  ];
}

/**
 * Managers out of band (wide and narrow), before → after, and once the
 * suggested open reqs are filled (what the splits fix) when there are any.
 */
export function spanFigures(s: SpanSuggestion): FigureRow[] {
  const { before: b, after: a, after_filled: f } = s;
  const reqs = s.open_reqs > 0;
  const rows: Array<[FigureRow, string]> = [
    [row("out-of-band", "Managers out of band", [b.wide + b.narrow, a.wide + a.narrow], false, [b.managers, a.managers]), `${formatCount(f.wide + f.narrow)} / ${formatCount(f.managers)}`],
    [row("wide", "Above the band", [b.wide, a.wide], false), formatCount(f.wide)],
    [row("narrow", "Below the band", [b.narrow, a.narrow], false), formatCount(f.narrow)],
  ];
  return rows.map(([r, filled]) => ({ ...r, filled: reqs ? filled : null }));
}

/** "Band 5–8", the band the rebalancing aims at. */
export function bandLine(s: SpanSuggestion): string {
  const [min, max] = s.band;
  return `Band ${min}–${max}`;
}

/**
 * "No rebalancing can leave fewer than N out of band", worded for N, and
 * how many this one leaves (open reqs filled, as the bound counts them).
 */
export function lowerBoundLine(s: SpanSuggestion): string {
  const n = s.lower_bound;
  const left = s.after_filled.wide + s.after_filled.narrow;
  const bound = `No rebalancing with these moves can leave fewer than ${formatCount(n)} manager${n === 1 ? "" : "s"} out of band`;
  return left === n ? `${bound}: this one reaches that.` : `${bound}; this one leaves ${formatCount(left)}.`;
}

/** The person a change is about, if it is about one person. */
export function changePerson(change: Change): string | null {
  switch (change.kind) {
    case "move":
    case "move-alone":
    case "edit-person":
    case "remove-person":
    case "add-support":
    case "remove-support":
      return change.person;
    case "add-person":
      return change.person.id;
    default:
      return null;
  }
}

/**
 * The placement's changes split: the support assignments, and the moves of
 * engineers between embedded and central (`replaced`), listed apart.
 */
export function splitPlacementChanges(s: PlacementSuggestion): { assignments: SuggestedChange[]; replacements: SuggestedChange[] } {
  const replaced = new Set(s.replaced);
  const isReplacement = (c: SuggestedChange) => c.change.kind === "edit-person" && replaced.has(c.change.person);
  return {
    assignments: s.changes.filter((c) => !isReplacement(c)),
    replacements: s.changes.filter(isReplacement),
  };
}

/** A short tag for a change's kind, shown before its reason. */
export function changeTag(change: Change): string {
  switch (change.kind) {
    case "add-support":
      return "Add";
    case "remove-support":
      return "Remove";
    case "move":
    case "move-alone":
      return "Move";
    case "add-person":
      return "Open req";
    case "edit-person":
      return "Edit";
    default:
      return change.kind;
  }
}

/** A name no scenario has: `base`, else "base 2", "base 3", … */
export function freeName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`;
    if (!names.has(candidate)) return candidate;
  }
}

/** The scenarios Compare should show after saving `saved` from `from` (the baseline is always a column). */
export function compareSelection(from: string, saved: string, baseline: string): string[] {
  return from === baseline ? [saved] : [from, saved];
}

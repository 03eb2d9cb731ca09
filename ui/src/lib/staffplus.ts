// The staff+ view's pure logic: board groups, the coverage matrix's rows,
// columns and cells, virtual windows, and the edit requests a drop, a
// "Move to…" choice or a cell toggle turns into. No Svelte, no platform.

import type { Change, PlacementSummary, Engineer, BoardView, TeamCoverage, WhatIf } from "../generated";

/** The what-if switch's choices; "Every staff+ central" covers both home-support choices. */
export type WhatIfChoice = "as-is" | "all-central" | "all-embedded";

export const WHAT_IFS: ReadonlyArray<{ id: WhatIfChoice; label: string }> = [
  { id: "as-is", label: "As is" },
  { id: "all-central", label: "Every staff+ central" },
  { id: "all-embedded", label: "Every staff+ embedded" },
];

export function whatIfLabel(whatIf: WhatIf): string {
  if (whatIf === "all-central") return "Every staff+ central, still supporting their team";
  if (whatIf === "all-central-drop-home-support") return "Every staff+ central, leaving their team";
  return WHAT_IFS.find((w) => w.id === whatIf)?.label ?? whatIf;
}

/** The switch choice a what-if belongs to. */
export function whatIfChoice(whatIf: WhatIf): WhatIfChoice {
  return whatIf === "all-central-drop-home-support" ? "all-central" : whatIf;
}

/** The what-if to ask for: a choice, and for "every staff+ central" whether they keep supporting their current team. */
export function whatIfFor(choice: WhatIfChoice, keepHomeSupport: boolean): WhatIf {
  return choice === "all-central" && !keepHomeSupport ? "all-central-drop-home-support" : choice;
}

/** One side of the "keep supporting their current team" comparison. */
export interface HomeSupportOutcome {
  keep: boolean;
  label: string;
  summary: PlacementSummary;
  /** The side on show, and the one "Save as scenario" stores. */
  chosen: boolean;
}

/** Both outcomes of an all-central preview, kept first; empty for any other board. */
export function homeSupportOutcomes(board: BoardView): HomeSupportOutcome[] {
  const outcomes = board.home_support;
  if (!outcomes) return [];
  const keeping = board.what_if === "all-central";
  return [
    { keep: true, label: "Keeping their teams", summary: outcomes.kept, chosen: keeping },
    { keep: false, label: "Dropping them", summary: outcomes.dropped, chosen: !keeping },
  ];
}

/** One line for both outcomes, e.g. "keeping their teams: 39 % covered · dropping them: 0 %". */
export function homeSupportLine(outcomes: readonly HomeSupportOutcome[]): string {
  const [kept, dropped] = [outcomes.find((o) => o.keep), outcomes.find((o) => !o.keep)];
  if (!kept || !dropped) return "";
  return `keeping their teams: ${percent(kept.summary.coverage_ratio)} covered · dropping them: ${percent(dropped.summary.coverage_ratio)}`;
}

/** One group of cards on the board: an architecture group, a home team, or nobody's. */
export interface BoardGroup {
  key: string;
  section: "central" | "embedded" | "unplaced";
  /** The team (index into `board.teams`) a drop here makes the home team; null: no home team. */
  team: number | null;
  label: string;
  engineers: number[];
}

const byName = (board: BoardView) => (a: number, b: number) =>
  (board.engineers[a]?.name ?? "").localeCompare(board.engineers[b]?.name ?? "") || a - b;

/**
 * The board's groups: every architecture group (even an empty one, so it can
 * take a drop), then each product team with an embedded engineer, then the
 * unplaced. Cards within a group are by name. O(engineers + teams).
 */
export function boardGroups(board: BoardView): { central: BoardGroup[]; embedded: BoardGroup[]; unplaced: BoardGroup } {
  const members = new Map<number, number[]>();
  const unplaced: number[] = [];
  board.engineers.forEach((e, i) => {
    if (e.home === null) unplaced.push(i);
    else {
      const list = members.get(e.home);
      if (list) list.push(i);
      else members.set(e.home, [i]);
    }
  });
  const group = (team: number, section: BoardGroup["section"]): BoardGroup => ({
    key: `team:${team}`,
    section,
    team,
    label: board.teams[team]?.name ?? "",
    engineers: (members.get(team) ?? []).sort(byName(board)),
  });
  const byLabel = (a: BoardGroup, b: BoardGroup) => a.label.localeCompare(b.label) || (a.team ?? 0) - (b.team ?? 0);
  const central: BoardGroup[] = [];
  board.teams.forEach((t, i) => {
    if (t.kind === "architecture") central.push(group(i, "central"));
  });
  const embedded = [...members.keys()]
    .filter((t) => board.teams[t]?.kind !== "architecture")
    .map((t) => group(t, "embedded"));
  return {
    central: central.sort(byLabel),
    embedded: embedded.sort(byLabel),
    unplaced: { key: "unplaced", section: "unplaced", team: null, label: "Unplaced", engineers: unplaced.sort(byName(board)) },
  };
}

/** A row of a virtualised board column: a group header or one card. */
export type BoardItem = { kind: "header"; group: BoardGroup } | { kind: "card"; group: BoardGroup; engineer: number };

export const HEADER_HEIGHT = 34;
export const CARD_HEIGHT = 118;

/** Flattens groups into rows (header, then its cards) with their top offsets. */
export function boardItems(groups: readonly BoardGroup[]): { items: BoardItem[]; tops: number[]; height: number } {
  const items: BoardItem[] = [];
  const tops: number[] = [];
  let y = 0;
  for (const group of groups) {
    items.push({ kind: "header", group });
    tops.push(y);
    y += HEADER_HEIGHT;
    for (const engineer of group.engineers) {
      items.push({ kind: "card", group, engineer });
      tops.push(y);
      y += CARD_HEIGHT;
    }
  }
  return { items, tops, height: y };
}

/** The rows of a list with ascending `tops` that meet [scrollTop, scrollTop + viewport), plus `overscan` each side. */
export function windowByTops(tops: readonly number[], scrollTop: number, viewport: number, overscan = 3): { start: number; end: number } {
  if (tops.length === 0) return { start: 0, end: 0 };
  // The last row starting at or above scrollTop (binary search).
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] ?? 0) <= scrollTop) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const bottom = scrollTop + viewport;
  while (end < tops.length && (tops[end] ?? 0) < bottom) end++;
  return { start: Math.max(0, lo - overscan), end: Math.min(tops.length, end + overscan) };
}

/** How an engineer supports a team, as a matrix cell shows it. */
export type CellKind = "home" | "assigned" | "home-assigned" | null;

/** Support by team then engineer, so each visible cell is one lookup. */
export type SupportIndex = Map<number, Map<number, Exclude<CellKind, null>>>;

export function supportIndex(board: BoardView): SupportIndex {
  const index: SupportIndex = new Map();
  const set = (team: number, engineer: number, kind: Exclude<CellKind, null>) => {
    let row = index.get(team);
    if (!row) index.set(team, (row = new Map()));
    const before = row.get(engineer);
    row.set(engineer, before && before !== kind ? "home-assigned" : kind);
  };
  board.engineers.forEach((e, i) => {
    // Only an embedded engineer's home counts as support (a central one's
    // home is their architecture group, which the matrix does not list).
    if (e.home !== null && e.placement === "embedded") set(e.home, i, "home");
    for (const t of e.assigned) set(t, i, "assigned");
  });
  return index;
}

export function cellKind(index: SupportIndex, team: number, engineer: number): CellKind {
  return index.get(team)?.get(engineer) ?? null;
}

export interface MatrixFilter {
  /** Matches team name, id or department (case-insensitive). */
  teamQuery: string;
  uncoveredOnly: boolean;
  /** Matches engineer name, title or id. */
  engineerQuery: string;
  overloadedOnly: boolean;
}

export const NO_FILTER: MatrixFilter = { teamQuery: "", uncoveredOnly: false, engineerQuery: "", overloadedOnly: false };

const matches = (query: string, ...texts: ReadonlyArray<string | null>) => {
  const q = query.trim().toLowerCase();
  return q === "" || texts.some((t) => t !== null && t.toLowerCase().includes(q));
};

/**
 * The matrix rows: engineering product teams (architecture groups and
 * non-engineering teams are neither covered nor uncovered), by department
 * then name.
 */
export function matrixRows(board: BoardView, filter: MatrixFilter): number[] {
  const rows: number[] = [];
  board.teams.forEach((t, i) => {
    if (t.kind === "architecture" || t.kind === "non-engineering") return;
    if (filter.uncoveredOnly && t.covered) return;
    if (!matches(filter.teamQuery, t.name, t.id, t.department)) return;
    rows.push(i);
  });
  const team = (i: number) => board.teams[i] as TeamCoverage;
  return rows.sort(
    (a, b) => (team(a).department ?? "").localeCompare(team(b).department ?? "") || team(a).name.localeCompare(team(b).name) || a - b,
  );
}

const PLACEMENT_ORDER = { central: 0, embedded: 1, unplaced: 2 } as const;

/** The matrix columns: engineers, central first, then embedded, then unplaced, each by name. */
export function matrixColumns(board: BoardView, filter: MatrixFilter): number[] {
  const columns: number[] = [];
  board.engineers.forEach((e, i) => {
    if (filter.overloadedOnly && !e.overloaded) return;
    if (!matches(filter.engineerQuery, e.name, e.title, e.id)) return;
    columns.push(i);
  });
  const eng = (i: number) => board.engineers[i] as Engineer;
  return columns.sort((a, b) => PLACEMENT_ORDER[eng(a).placement] - PLACEMENT_ORDER[eng(b).placement] || byName(board)(a, b));
}

/** The edit a click on a matrix cell makes; null for a home-team cell (support there is implicit). */
export function toggleRequest(board: BoardView, index: SupportIndex, team: number, engineer: number): Change | null {
  const kind = cellKind(index, team, engineer);
  const person = board.engineers[engineer]?.id;
  const teamId = board.teams[team]?.id;
  if (person === undefined || teamId === undefined || kind === "home") return null;
  return kind === null ? { kind: "add-support", person, team: teamId } : { kind: "remove-support", person, team: teamId };
}

/** The edit that makes `team` (null: none) an engineer's home team; null when it already is. */
export function placeRequest(board: BoardView, engineer: number, team: number | null): Change | null {
  const e = board.engineers[engineer];
  if (!e || e.home === team) return null;
  const teamId = team === null ? null : (board.teams[team]?.id ?? null);
  if (team !== null && teamId === null) return null;
  return { kind: "edit-person", person: e.id, edit: { field: "team", value: teamId } };
}

/** The edit a card dropped on a matrix team row makes: support it, unless it already does. */
export function supportRequest(board: BoardView, index: SupportIndex, engineer: number, team: number): Change | null {
  const e = board.engineers[engineer];
  const t = board.teams[team];
  if (!e || !t || cellKind(index, team, engineer) !== null || t.kind === "architecture") return null;
  return { kind: "add-support", person: e.id, team: t.id };
}

/** The "Move to…" choices of a card: the architecture groups, the product teams it supports, and no home team. */
export function moveTargets(board: BoardView, engineer: number): Array<{ value: string; label: string; team: number | null }> {
  const e = board.engineers[engineer];
  if (!e) return [];
  const out: Array<{ value: string; label: string; team: number | null }> = [];
  board.teams.forEach((t, i) => {
    if (t.kind === "architecture" && i !== e.home) out.push({ value: `team:${i}`, label: `Central: ${t.name}`, team: i });
  });
  for (const i of e.assigned) {
    const t = board.teams[i];
    if (t && t.kind !== "architecture" && i !== e.home) out.push({ value: `team:${i}`, label: `Embed in ${t.name}`, team: i });
  }
  if (e.home !== null) out.push({ value: "none", label: "No home team (unplaced)", team: null });
  return out;
}

/** The teams a card names as supported: the home team if embedded, then assignments. */
export function supportedTeams(board: BoardView, engineer: number): string[] {
  const e = board.engineers[engineer];
  if (!e) return [];
  const names: string[] = [];
  const seen = new Set<number>();
  const add = (t: number) => {
    const team = board.teams[t];
    if (!team || team.kind === "architecture" || seen.has(t)) return;
    seen.add(t);
    names.push(team.name);
  };
  if (e.home !== null && e.placement === "embedded") add(e.home);
  e.assigned.forEach(add);
  return names;
}

/** The summary's load distribution as "k teams: n engineers" rows, marking those over the maximum. */
export function loadRows(board: BoardView): Array<{ load: number; engineers: number; over: boolean }> {
  return board.summary.load_histogram
    .map((engineers, load) => ({ load, engineers, over: load > board.summary.max_load }))
    .filter((row) => row.engineers > 0);
}

export function percent(ratio: number | null): string {
  return ratio === null ? "—" : `${Math.round(ratio * 100)} %`;
}

// The people table's data and maths, free of Svelte and of the backend:
// joining the chart nodes with the table's extra columns, sort keys, sorting,
// filtering and the virtual window. At 100k people every pass here is O(n)
// (sort keys are ranked once per column per data load, then each sort is a
// counting sort), so re-sorting or re-filtering takes a few milliseconds.

import type { ChartNode, PeopleTable, Status } from "../generated";
import { displayName } from "./format";

export type ColumnId = "name" | "id" | "title" | "level" | "team" | "manager" | "location" | "status" | "cost";
export type EditableField = "title" | "level" | "team" | "status" | "cost";
export type SortDirection = "ascending" | "descending";

export interface Column {
  id: ColumnId;
  label: string;
  /** The field an inline edit of this column changes, if any. */
  edit: EditableField | null;
  numeric: boolean;
}

export const COLUMNS: readonly Column[] = [
  { id: "name", label: "Name", edit: null, numeric: false },
  { id: "id", label: "Id", edit: null, numeric: false },
  { id: "title", label: "Title", edit: "title", numeric: false },
  { id: "level", label: "Level", edit: "level", numeric: false },
  { id: "team", label: "Team", edit: "team", numeric: false },
  { id: "manager", label: "Manager", edit: null, numeric: false },
  { id: "location", label: "Location", edit: null, numeric: false },
  { id: "status", label: "Status", edit: "status", numeric: false },
  { id: "cost", label: "Annual cost", edit: "cost", numeric: true },
];

/** The editable columns, in the order Tab walks through them. */
export const EDITABLE: readonly EditableField[] = ["title", "level", "team", "status", "cost"];

export const STATUSES: readonly Status[] = ["active", "open", "planned", "departing"];

export const STATUS_LABELS: Record<Status, string> = {
  active: "Active",
  open: "Open req",
  planned: "Planned hire",
  departing: "Departing",
};

/** Lower-case, accents removed; ASCII text skips the (slow) normalisation. */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(text);
  return ascii ? text.toLowerCase() : text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A key that sorts text naturally with plain `<`: "L10" after "L9", case-insensitive. */
export function naturalKey(text: string): string {
  const folded = fold(text).trim();
  return /\d/.test(folded) ? folded.replace(/\d+/g, (digits) => digits.padStart(12, "0")) : folded;
}

const wholeMoney = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const centsMoney = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An annual cost in cents for display: "131,999.92", "155,774.40", "120,000"; "" when unknown. */
export function formatCost(cents: number | null): string {
  if (cents === null) return "";
  return (cents % 100 === 0 ? wholeMoney : centsMoney).format(cents / 100);
}

/** An annual cost in cents as editable text: "131999.92", "120000". */
export function costText(cents: number | null): string {
  if (cents === null) return "";
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  const sign = cents < 0 && whole === 0 ? "-" : "";
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(2, "0")}`;
}

/**
 * Everyone on show: the chart nodes joined with the table's extra columns
 * by node index. Sort ranks and the filter's search text are computed on
 * first use and kept until the next data load (a new `PeopleData`).
 */
export class PeopleData {
  readonly nodes: readonly ChartNode[];
  readonly table: PeopleTable;
  readonly #ranks = new Map<ColumnId, Uint32Array>();
  #search: { text: string; starts: Uint32Array } | null = null;

  constructor(nodes: readonly ChartNode[], table: PeopleTable) {
    if (nodes.length !== table.location.length) {
      throw new Error(`people table has ${table.location.length} rows for ${nodes.length} nodes`);
    }
    this.nodes = nodes;
    this.table = table;
  }

  get size(): number {
    return this.nodes.length;
  }

  node(row: number): ChartNode {
    return this.nodes[row]!;
  }

  teamId(row: number): string | null {
    const team = this.table.team[row];
    return team === null || team === undefined ? null : (this.table.teams[team]?.id ?? null);
  }

  location(row: number): string {
    return this.table.locations[this.table.location[row] ?? -1] ?? "";
  }

  costCents(row: number): number | null {
    return this.table.cost_cents[row] ?? null;
  }

  startDate(row: number): string | null {
    return this.table.start_date[row] ?? null;
  }

  managerName(row: number): string {
    const manager = this.nodes[row]?.manager;
    if (manager === null || manager === undefined) return "";
    const node = this.nodes[manager];
    return node ? displayName(node) : "";
  }

  /** What a cell shows. */
  text(column: ColumnId, row: number): string {
    const n = this.node(row);
    switch (column) {
      case "name":
        return n.name;
      case "id":
        return n.id;
      case "title":
        return n.title;
      case "level":
        return n.level;
      case "team":
        return n.team ?? "";
      case "manager":
        return this.managerName(row);
      case "location":
        return this.location(row);
      case "status":
        return STATUS_LABELS[n.status];
      case "cost":
        return formatCost(this.costCents(row));
    }
  }

  /**
   * Each row's sort rank in `column`: 1 = first ascending, equal values
   * share a rank, 0 = no value (sorted last either way).
   */
  rank(column: ColumnId): Uint32Array {
    let ranks = this.#ranks.get(column);
    if (!ranks) {
      ranks = this.#computeRanks(column);
      this.#ranks.set(column, ranks);
    }
    return ranks;
  }

  /**
   * Rows whose folded name, title, team or id contain every term: 1 where
   * they all match. The rows' text is one long string searched with
   * `indexOf`, native and cache-friendly, rather than 100k small strings.
   */
  matching(terms: readonly string[]): Uint8Array {
    const { text, starts } = this.#searchText();
    const hits = new Uint8Array(this.size);
    terms.forEach((term, t) => {
      let at = text.indexOf(term);
      while (at >= 0) {
        const row = rowAt(starts, at);
        if (hits[row] === t) hits[row] = t + 1;
        at = text.indexOf(term, starts[row + 1]!);
      }
    });
    const all = terms.length;
    for (let i = 0; i < hits.length; i++) hits[i] = hits[i] === all ? 1 : 0;
    return hits;
  }

  #searchText(): { text: string; starts: Uint32Array } {
    if (this.#search === null) {
      const parts = new Array<string>(this.size);
      const starts = new Uint32Array(this.size + 1);
      let at = 0;
      // Titles and teams repeat across thousands of rows: fold each once.
      const folded = new Map<string, string>();
      const foldOnce = (text: string): string => {
        let out = folded.get(text);
        if (out === undefined) {
          out = fold(text);
          folded.set(text, out);
        }
        return out;
      };
      for (let i = 0; i < this.size; i++) {
        const n = this.node(i);
        // Fields end in a newline, rows in \u0001: a term has neither, so a
        // match never spans two fields or two rows.
        const part = `${fold(n.name)}\n${foldOnce(n.title)}\n${foldOnce(n.team ?? "")}\n${n.id.toLowerCase()}\u0001`;
        parts[i] = part;
        starts[i] = at;
        at += part.length;
      }
      starts[this.size] = at;
      this.#search = { text: parts.join(""), starts };
    }
    return this.#search;
  }

  #computeRanks(column: ColumnId): Uint32Array {
    const n = this.size;
    const ranks = new Uint32Array(n);
    if (column === "status") {
      for (let i = 0; i < n; i++) ranks[i] = STATUSES.indexOf(this.node(i).status) + 1;
      return ranks;
    }
    if (column === "cost") {
      const values: number[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        const v = this.costCents(i);
        if (v !== null && !seen.has(v)) {
          seen.add(v);
          values.push(v);
        }
      }
      const sorted = Float64Array.from(values).sort();
      const rankOf = new Map<number, number>();
      sorted.forEach((v, i) => rankOf.set(v, i + 1));
      for (let i = 0; i < n; i++) {
        const v = this.costCents(i);
        ranks[i] = v === null ? 0 : rankOf.get(v)!;
      }
      return ranks;
    }
    // Text: each distinct value is keyed once (titles, levels, teams and
    // managers repeat across thousands of rows), the distinct keys are
    // ranked with a plain sort of strings (fast in every engine), and each
    // row looks its value's rank up.
    const groupOf = new Map<string, number>();
    const groups = new Uint32Array(n);
    const raws: string[] = [];
    for (let i = 0; i < n; i++) {
      const raw = column === "team" ? (this.node(i).team ?? "") : this.text(column, i);
      let group = groupOf.get(raw);
      if (group === undefined) {
        group = raws.length;
        groupOf.set(raw, group);
        raws.push(raw);
      }
      groups[i] = group;
    }
    const keys = raws.map(naturalKey);
    const rankOf = new Map<string, number>();
    [...new Set(keys)].sort().forEach((key, i) => rankOf.set(key, i + 1));
    const groupRank = Uint32Array.from(keys, (key) => (key === "" ? 0 : rankOf.get(key)!));
    for (let i = 0; i < n; i++) ranks[i] = groupRank[groups[i]!]!;
    return ranks;
  }
}

/** The row whose text starts at or before `offset` (binary search). */
function rowAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface SortKey {
  column: ColumnId;
  direction: SortDirection;
}

/** At most this many sort keys are remembered (the last is the primary one). */
export const SORT_DEPTH = 3;

/**
 * The sort keys after a header click: clicking the primary column flips its
 * direction; clicking another makes it primary (ascending), and the previous
 * keys break its ties.
 */
export function clickSort(keys: readonly SortKey[], column: ColumnId): SortKey[] {
  const primary = keys[keys.length - 1];
  if (primary?.column === column) {
    const direction: SortDirection = primary.direction === "ascending" ? "descending" : "ascending";
    return [...keys.slice(0, -1), { column, direction }];
  }
  const rest = keys.filter((k) => k.column !== column);
  return [...rest, { column, direction: "ascending" as const }].slice(-SORT_DEPTH);
}

/**
 * Rows reordered by `ranks`, stable: equal ranks keep their order in `rows`.
 * A counting sort, O(n + distinct values). Rows without a value (rank 0)
 * come last in both directions.
 */
export function sortByRank(rows: Uint32Array, ranks: Uint32Array, direction: SortDirection): Uint32Array {
  let max = 0;
  for (let i = 0; i < rows.length; i++) max = Math.max(max, ranks[rows[i]!]!);
  const counts = new Uint32Array(max + 2);
  for (let i = 0; i < rows.length; i++) counts[ranks[rows[i]!]!]!++;
  // Bucket order: 1..max ascending (or max..1), then 0 (no value).
  const starts = new Uint32Array(max + 1);
  let at = 0;
  if (direction === "ascending") {
    for (let r = 1; r <= max; r++) {
      starts[r] = at;
      at += counts[r]!;
    }
  } else {
    for (let r = max; r >= 1; r--) {
      starts[r] = at;
      at += counts[r]!;
    }
  }
  starts[0] = at;
  const out = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out[starts[ranks[row]!]!++] = row;
  }
  return out;
}

/** Every row in display order: node order, then each key in turn (primary last). */
export function sortRows(data: PeopleData, keys: readonly SortKey[]): Uint32Array {
  let rows: Uint32Array = new Uint32Array(data.size);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  for (const key of keys) rows = sortByRank(rows, data.rank(key.column), key.direction);
  return rows;
}

/** Which team the filter keeps: every team, none (no home team) or one team id. */
export type TeamFilter = { kind: "all" } | { kind: "none" } | { kind: "team"; id: string };

export interface PeopleFilter {
  text: string;
  status: Status | "all";
  team: TeamFilter;
}

export const NO_FILTER: PeopleFilter = { text: "", status: "all", team: { kind: "all" } };

export function isFiltering(filter: PeopleFilter): boolean {
  return filter.text.trim() !== "" || filter.status !== "all" || filter.team.kind !== "all";
}

/** The rows of `order` the filter keeps, in that order. O(n). */
export function filterRows(data: PeopleData, order: Uint32Array, filter: PeopleFilter): Uint32Array {
  if (!isFiltering(filter)) return order;
  const terms = fold(filter.text).split(/\s+/).filter((t) => t !== "");
  let teamIndex: number | null | undefined; // undefined: any team
  if (filter.team.kind === "none") teamIndex = null;
  else if (filter.team.kind === "team") {
    const id = filter.team.id;
    const found = data.table.teams.findIndex((t) => t.id === id);
    teamIndex = found < 0 ? -1 : found;
  }
  // The arrays are read once: this loop runs 100k times per keystroke.
  const statuses = filter.status === "all" ? null : data.rank("status");
  const wanted = STATUSES.indexOf(filter.status as Status) + 1;
  const teams = data.table.team;
  const hits = terms.length > 0 ? data.matching(terms) : null;
  const out = new Uint32Array(order.length);
  let kept = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!;
    if (statuses !== null && statuses[row] !== wanted) continue;
    if (teamIndex !== undefined && (teams[row] ?? null) !== teamIndex) continue;
    if (hits !== null && hits[row] === 0) continue;
    out[kept++] = row;
  }
  return out.subarray(0, kept);
}

/** Where each row sits in `rows` (-1: filtered out). */
export function positions(rows: Uint32Array, size: number): Int32Array {
  const at = new Int32Array(size).fill(-1);
  for (let i = 0; i < rows.length; i++) at[rows[i]!] = i;
  return at;
}

export interface VirtualWindow {
  /** First row drawn (a position in the displayed rows). */
  start: number;
  /** One past the last row drawn. */
  end: number;
  /** Pixels from the top of the list to the first drawn row. */
  offset: number;
  /** Height of the whole list. */
  total: number;
}

/**
 * The rows to draw for a scroll position: those in view plus `overscan` on
 * either side, so fast scrolling shows no gaps. O(1).
 */
export function virtualWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): VirtualWindow {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total: 0 };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/**
 * The scroll position that brings the row at `position` into view, or null
 * when it already is (whole).
 */
export function scrollToReveal(
  position: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = position * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return null;
}

/** Where keyboard navigation moves the selection (positions in the displayed rows). */
export function stepPosition(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const page = Math.max(1, pageRows - 1);
  switch (key) {
    case "ArrowDown":
      return current < 0 ? 0 : Math.min(count - 1, current + 1);
    case "ArrowUp":
      return current < 0 ? 0 : Math.max(0, current - 1);
    case "PageDown":
      return Math.min(count - 1, Math.max(0, current) + page);
    case "PageUp":
      return Math.max(0, current - page);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

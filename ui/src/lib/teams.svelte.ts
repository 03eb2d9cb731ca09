// The Teams view: every team of the scenario on show with its size verdict,
// filtering and sorting, and the team edits (create, rename, re-kind,
// dissolve, move members). Edits go through `ScenarioStore.apply`, so each is
// persisted, undoable and reloads the chart and metrics; the rows are fetched
// again whenever the scenario's revision moves on (an edit, undo or switch).

import type { ChartNode, SizeVerdict, TeamKind, TeamRow } from "../generated";
import { toAppError } from "./errors";
import type { Platform } from "./platform";
import type { ScenarioStore } from "./scenarios.svelte";
import type { OrgStore, UiError } from "./store.svelte";

export const TEAM_KINDS: ReadonlyArray<{ id: TeamKind; label: string }> = [
  { id: "stream-aligned", label: "Stream-aligned" },
  { id: "platform", label: "Platform" },
  { id: "enabling", label: "Enabling" },
  { id: "architecture", label: "Architecture" },
  { id: "non-engineering", label: "Non-engineering" },
];

export const SIZE_VERDICTS: ReadonlyArray<{ id: SizeVerdict; label: string }> = [
  { id: "below", label: "Below target" },
  { id: "within", label: "In target" },
  { id: "above", label: "Above target" },
];

export function kindLabel(kind: TeamKind): string {
  return TEAM_KINDS.find((k) => k.id === kind)?.label ?? kind;
}

export function sizeVerdictLabel(verdict: SizeVerdict): string {
  return SIZE_VERDICTS.find((v) => v.id === verdict)?.label ?? verdict;
}

export type TeamSortKey = "name" | "kind" | "department" | "lead" | "members" | "costTotal" | "staffPlus" | "verdict";

export interface TeamFilter {
  /** Matched against name, id, department and lead, ignoring case. */
  text: string;
  kind: TeamKind | "all";
  verdict: SizeVerdict | "all";
}

export interface TeamSort {
  key: TeamSortKey;
  descending: boolean;
}

const VERDICT_ORDER: Record<SizeVerdict, number> = { below: 0, within: 1, above: 2 };
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function filterTeams(teams: readonly TeamRow[], filter: TeamFilter): TeamRow[] {
  const needle = filter.text.trim().toLowerCase();
  return teams.filter(
    (t) =>
      (filter.kind === "all" || t.kind === filter.kind) &&
      (filter.verdict === "all" || t.verdict === filter.verdict) &&
      (needle === "" ||
        t.name.toLowerCase().includes(needle) ||
        t.id.toLowerCase().includes(needle) ||
        (t.department ?? "").toLowerCase().includes(needle) ||
        (t.lead_name ?? t.lead ?? "").toLowerCase().includes(needle)),
  );
}

function compareBy(key: TeamSortKey): (a: TeamRow, b: TeamRow) => number {
  switch (key) {
    case "name":
      return (a, b) => collator.compare(a.name, b.name);
    case "kind":
      return (a, b) => collator.compare(a.kind, b.kind);
    case "department":
      return (a, b) => collator.compare(a.department ?? "", b.department ?? "");
    case "lead":
      return (a, b) => collator.compare(a.lead_name ?? a.lead ?? "", b.lead_name ?? b.lead ?? "");
    case "verdict":
      return (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
    case "costTotal":
      // An unknown cost (the file had none) sorts below every known one.
      return (a, b) => (a.cost ?? -1) - (b.cost ?? -1);
    case "members":
      return (a, b) => a.members - b.members;
    case "staffPlus":
      return (a, b) => a.staff_plus_support - b.staff_plus_support;
  }
}

/** A sorted copy; ties keep name order so the list does not jump. */
export function sortTeams(teams: readonly TeamRow[], sort: TeamSort): TeamRow[] {
  const primary = compareBy(sort.key);
  const byName = compareBy("name");
  const sign = sort.descending ? -1 : 1;
  return [...teams].sort((a, b) => sign * primary(a, b) || byName(a, b) || collator.compare(a.id, b.id));
}

/** The people whose home team is `teamId`, in chart order: one pass over the nodes. */
export function membersOf(nodes: readonly ChartNode[], teamId: string | null): ChartNode[] {
  if (teamId === null) return [];
  return nodes.filter((n) => n.team_id === teamId);
}

/** Teams whose name or id contains `query` (for a move target), at most `limit`, never `except`. */
export function matchTeams(teams: readonly TeamRow[], query: string, except: string | null, limit = 50): TeamRow[] {
  const needle = query.trim().toLowerCase();
  const out: TeamRow[] = [];
  for (const t of teams) {
    if (t.id === except) continue;
    if (needle === "" || t.name.toLowerCase().includes(needle) || t.id.toLowerCase().includes(needle)) {
      out.push(t);
      if (out.length >= limit) break;
    }
  }
  return out;
}

export class TeamsStore {
  readonly #platform: Platform;
  readonly #scenarios: ScenarioStore;
  readonly #org: OrgStore;
  #token = 0;
  #loadedRevision = -1;

  teams = $state.raw<TeamRow[]>([]);
  filter = $state<TeamFilter>({ text: "", kind: "all", verdict: "all" });
  sort = $state<TeamSort>({ key: "name", descending: false });
  selectedId = $state<string | null>(null);
  /** Members ticked for a move. */
  chosen = $state.raw<ReadonlySet<string>>(new Set());
  /** Why the rows could not be fetched, or why an edit was not even sent. */
  error = $state.raw<UiError | null>(null);
  loading = $state(false);

  visible: TeamRow[] = $derived(sortTeams(filterTeams(this.teams, this.filter), this.sort));
  selected: TeamRow | null = $derived(this.teams.find((t) => t.id === this.selectedId) ?? null);
  // Read lazily: `#org` is set in the constructor.
  members: ChartNode[] = $derived.by(() => membersOf(this.#org.nodes, this.selectedId));

  constructor(platform: Platform, scenarios: ScenarioStore, org: OrgStore) {
    this.#platform = platform;
    this.#scenarios = scenarios;
    this.#org = org;
  }

  /** Fetches the rows unless they are already those of the scenario's current revision. */
  async refresh(): Promise<void> {
    if (this.#loadedRevision === this.#scenarios.revision) return;
    await this.load();
  }

  async load(): Promise<void> {
    const token = ++this.#token;
    const revision = this.#scenarios.revision;
    this.loading = true;
    try {
      const teams = await this.#platform.teams();
      if (token !== this.#token) return;
      this.teams = teams;
      this.#loadedRevision = revision;
      this.error = null;
      if (this.selectedId !== null && !teams.some((t) => t.id === this.selectedId)) this.select(null);
    } catch (e) {
      if (token !== this.#token) return;
      const error = toAppError(e);
      this.error = { code: error.code, message: `The teams could not be loaded: ${error.message}` };
    } finally {
      if (token === this.#token) this.loading = false;
    }
  }

  select(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.chosen = new Set();
  }

  /**
   * Selects the team `delta` rows away from the selected one in the visible
   * order (the first when none is selected); returns its row index, or -1.
   */
  step(delta: number): number {
    const rows = this.visible;
    if (rows.length === 0) return -1;
    const at = this.selectedId === null ? -1 : rows.findIndex((t) => t.id === this.selectedId);
    const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + delta));
    this.select(rows[next]!.id);
    return next;
  }

  sortBy(key: TeamSortKey): void {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: false };
  }

  toggleChosen(personId: string): void {
    const next = new Set(this.chosen);
    if (!next.delete(personId)) next.add(personId);
    this.chosen = next;
  }

  async create(name: string, kind: TeamKind, department: string): Promise<boolean> {
    const trimmed = name.trim();
    if (trimmed === "") return this.#refuse("Give the team a name.");
    const ok = await this.#apply(
      { kind: "enter-team", team: null, name: trimmed, team_kind: kind, department: department.trim() || null },
      `Created team ${trimmed}.`,
    );
    if (ok) {
      // Select the new team: it is the one with this name that was not there before.
      const created = this.teams.filter((t) => t.name === trimmed);
      const newest = created[created.length - 1];
      if (newest) this.select(newest.id);
    }
    return ok;
  }

  async rename(team: TeamRow, name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (trimmed === "") return this.#refuse("A team name can't be empty.");
    if (trimmed === team.name) return true;
    return this.#apply({ kind: "rename-team", team: team.id, name: trimmed }, `Renamed ${team.name} to ${trimmed}.`);
  }

  async setKind(team: TeamRow, kind: TeamKind): Promise<boolean> {
    if (kind === team.kind) return true;
    return this.#apply({ kind: "set-team-kind", team: team.id, team_kind: kind }, `${team.name} is now ${kindLabel(kind).toLowerCase()}.`);
  }

  async dissolve(team: TeamRow): Promise<boolean> {
    return this.#apply({ kind: "dissolve-team", team: team.id }, `Dissolved ${team.name}; its members have no team.`);
  }

  /** Moves `people` into `target` as one undoable change. */
  async moveMembers(people: readonly string[], target: TeamRow): Promise<boolean> {
    if (people.length === 0) return this.#refuse("Choose the members to move first.");
    const ok = await this.#apply(
      { kind: "assign-team", people: [...people], team: target.id },
      `Moved ${people.length === 1 ? "1 person" : `${people.length} people`} to ${target.name}.`,
    );
    if (ok) this.chosen = new Set();
    return ok;
  }

  #refuse(message: string): false {
    this.error = { code: "invalid-input", message };
    return false;
  }

  async #apply(request: Parameters<ScenarioStore["apply"]>[0], announcement: string): Promise<boolean> {
    this.error = null;
    const ok = await this.#scenarios.apply(request, announcement);
    if (ok) await this.refresh();
    return ok;
  }
}

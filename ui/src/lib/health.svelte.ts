// The dashboard's Health panel: the findings of the scenario on show (one
// `health` call; the checks run in Rust), each with a readable title and
// the first few people or teams by name, and the jump from a finding to
// its people highlighted on the chart. Talks to the backend only through
// the injected `Platform`.

import type { ChartNode, CheckId, Health, HealthFinding, Severity, TeamRow } from "../generated";
import { toAppError } from "./errors";
import { displayName } from "./format";
import type { Platform } from "./platform";
import type { OrgStore, UiError } from "./store.svelte";

/** A readable title per check id. */
export const CHECK_TITLES: Record<CheckId, string> = {
  "span-wide": "Spans above the band",
  "span-narrow": "Spans below the band",
  "single-report-manager": "Managers of one",
  compression: "Compressed levels",
  "deep-chain": "Too many layers",
  "uncovered-team": "Teams without staff+ support",
  "overloaded-staff-plus": "Overloaded staff+ engineers",
  "team-without-lead": "Teams without a lead",
  "team-size-out-of-target": "Team sizes off target",
  "open-req-under-wide-manager": "Hires under wide spans",
};

/** People or teams a row names before "and N more". */
export const NAMES_SHOWN = 3;

/** One finding as the panel lists it. */
export interface FindingRow {
  id: CheckId;
  severity: Severity;
  title: string;
  count: number;
  message: string;
  /** The first people or teams by name. */
  names: string[];
  /** How many more the finding lists than `names` shows. */
  more: number;
  /** Whether the finding is about teams (their members are shown on the chart). */
  aboutTeams: boolean;
  /** Whether it lists anyone or any team to show on the chart. */
  showable: boolean;
}

/** The panel's heading note: "No findings", "1 finding", "5 findings". */
export function findingsSummary(rows: readonly FindingRow[]): string {
  if (rows.length === 0) return "No findings";
  return `${rows.length} ${rows.length === 1 ? "finding" : "findings"}`;
}

/** "Ann Archer, Bob Baker, Cat Cooper and 8 more", or "" when none. */
export function namesLine(row: Pick<FindingRow, "names" | "more">): string {
  if (row.names.length === 0) return "";
  return row.more > 0 ? `${row.names.join(", ")} and ${row.more} more` : row.names.join(", ");
}

/**
 * The panel's rows, in the backend's order (the checks' order). Names come
 * from `personName` and the team rows; an id stands in for a name it lacks.
 * Only the first `shown` of each list are looked up: a finding may list
 * thousands.
 */
export function findingRows(
  health: Health,
  personName: (id: string) => string | null,
  teams: readonly TeamRow[],
  shown = NAMES_SHOWN,
): FindingRow[] {
  const teamNames = new Map(teams.map((t) => [t.id, t.name.trim() || t.id]));
  return health.findings.map((f) => {
    const aboutTeams = f.people.length === 0 && f.teams.length > 0;
    const listed = aboutTeams ? f.teams : f.people;
    const name = (id: string) => (aboutTeams ? (teamNames.get(id) ?? id) : (personName(id) ?? id));
    return {
      id: f.id,
      severity: f.severity,
      title: CHECK_TITLES[f.id] ?? f.id,
      count: f.count,
      message: f.message,
      names: listed.slice(0, shown).map(name),
      more: Math.max(0, listed.length - shown),
      aboutTeams,
      showable: listed.length > 0,
    };
  });
}

/**
 * The people the chart shows for `finding`: the people it lists; for a
 * finding about teams, the teams' counted (active) members, as the team
 * figures count them, in chart order. One pass over the nodes.
 */
export function peopleToShow(finding: HealthFinding, nodes: readonly ChartNode[]): string[] {
  if (finding.people.length > 0) return [...finding.people];
  if (finding.teams.length === 0) return [];
  const teams = new Set<string>(finding.teams);
  const out: string[] = [];
  for (const node of nodes) {
    if (node.status === "active" && node.team_id !== null && teams.has(node.team_id)) out.push(node.id);
  }
  return out;
}

export class HealthStore {
  health = $state.raw<Health | null>(null);
  teams = $state.raw<TeamRow[]>([]);
  error = $state.raw<UiError | null>(null);

  readonly #platform: Platform;
  readonly #org: OrgStore;
  readonly #showChart: () => void;
  #token = 0;

  /** `showChart` brings the chart view forward (the jump from a finding). */
  constructor(platform: Platform, org: OrgStore, showChart: () => void) {
    this.#platform = platform;
    this.#org = org;
    this.#showChart = showChart;
  }

  /** The rows of the findings on show, named from the chart's nodes. */
  get rows(): FindingRow[] {
    if (!this.health) return [];
    const org = this.#org;
    return findingRows(this.health, (id) => {
      const node = org.node(id);
      return node ? displayName(node) : null;
    }, this.teams);
  }

  /** Fetches the findings (and team names) of the scenario on show; a load overtaken by a later one is dropped. */
  async load(): Promise<void> {
    const token = ++this.#token;
    try {
      const [health, teams] = await Promise.all([this.#platform.health(), this.#platform.teams()]);
      if (token !== this.#token) return;
      this.health = health;
      this.teams = teams;
      this.error = null;
    } catch (e) {
      if (token !== this.#token) return;
      const error = toAppError(e);
      this.error = { code: error.code, message: `The health checks could not be loaded: ${error.message}` };
    }
  }

  /**
   * Shows the finding `id`'s people highlighted on the chart (switching to
   * it), the first selected and centred; false, with `error` saying why,
   * when it has no one to show.
   */
  async show(id: CheckId): Promise<boolean> {
    const finding = this.health?.findings.find((f) => f.id === id);
    if (!finding) return false;
    const title = CHECK_TITLES[finding.id] ?? finding.id;
    const ids = peopleToShow(finding, this.#org.nodes);
    if (ids.length === 0 || !ids.some((p) => this.#org.node(p))) {
      this.error = this.#org.loading
        ? { code: "busy", message: "The chart is still loading; try again in a moment." }
        : { code: "not-found", message: `${title}: no one on the chart to show.` };
      return false;
    }
    this.error = null;
    this.#showChart();
    return this.#org.showSet(title, ids);
  }
}

// The real backend's answers, written by `src/ui_fixtures.rs`
// into tests/backend/ (see its README): what the fake backend serves in
// place of figures computed in TypeScript.

import { readFileSync } from "node:fs";
import type {
  ChartNode,
  ComparisonView,
  DashboardQuery,
  DashboardView,
  LayerGuidance,
  MetricsSummary,
  PeopleTable,
  PlanView,
  Policy,
  SettingsOnShow,
  BoardView,
  TeamRow,
  WhatIf,
} from "../src/generated";
import type { Edit } from "../src/lib/edits";

/** What `save_what_if` records, in a fixture state's change list. */
export interface SaveWhatIf {
  kind: "saveWhatIf";
  whatIf: WhatIf;
}

export type BackendChange = Edit | SaveWhatIf;

/** Every command's answer for one scenario: the baseline after `changes`. */
export interface BackendState {
  changes: BackendChange[];
  /** The workspace's own policy the state was written under, when not the default. */
  workspacePolicy?: Policy;
  /** The workspace's layer guidance the state was written under, when not the default. */
  layerGuidance?: LayerGuidance;
  chartNodes: ChartNode[];
  metrics: MetricsSummary;
  teams?: TeamRow[];
  settings?: SettingsOnShow;
  peopleTable?: PeopleTable;
  plan?: PlanView;
  dashboards?: { request: DashboardQuery; answer: DashboardView }[];
  /** The board as it is; what-if previews only in the baseline and after a saved what-if. */
  staffPlus: Partial<Record<WhatIf, BoardView>>;
}

/** `set_layer_guidance`'s refusal of a guidance, as it crosses IPC. */
export interface RefusedGuidance {
  guidance: LayerGuidance;
  error: { code: string; message: string };
}

export interface BackendOrg {
  org: string;
  states: BackendState[];
  /** `layer_guidance`'s answer for the fresh workspace, and guidances the core refuses. */
  guidance: { workspace: LayerGuidance; refused: RefusedGuidance[] };
  /** The baseline compared with some states: column `c` is `states[states[c]]`. */
  comparison?: { states: number[]; answer: ComparisonView };
}

export type BackendOrgName = "small" | "chart" | "dashboard" | "staffplus" | "spans" | "big" | "placeholders" | "dan-gone" | "empty" | "solo";

const cache = new Map<BackendOrgName, BackendOrg>();

function fixtureUrl(file: string): URL {
  return new URL(`./backend/${file}`, import.meta.url);
}

/** One org's file, parsed once; callers get their own copy. */
export function backendOrg(name: BackendOrgName): BackendOrg {
  let org = cache.get(name);
  if (!org) {
    org = JSON.parse(readFileSync(fixtureUrl(`${name}.json`), "utf8")) as BackendOrg;
    cache.set(name, org);
  }
  return structuredClone(org);
}

/** A chart payload the backend wrote, as the IPC layer hands it over. */
export function backendBytes(file: string): ArrayBuffer {
  const bytes = readFileSync(fixtureUrl(file));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

export function backendJson<T>(file: string): T {
  return JSON.parse(readFileSync(fixtureUrl(file), "utf8")) as T;
}

/** JSON with object keys sorted, so two equal values give one text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The state after `changes`, under the workspace policy `workspacePolicy`
 * (null: the default one), or null when the backend wrote none.
 */
export function findState(
  org: BackendOrg,
  changes: readonly BackendChange[],
  workspacePolicy: Policy | null = null,
  layerGuidance: LayerGuidance | null = null,
): BackendState | null {
  const key = canonical(changes);
  const policy = canonical(workspacePolicy);
  const guidance = canonical(layerGuidance);
  return (
    org.states.find(
      (s) => canonical(s.changes) === key && canonical(s.workspacePolicy ?? null) === policy && canonical(s.layerGuidance ?? null) === guidance,
    ) ?? null
  );
}

/** The state after `changes` (under `workspacePolicy`); a test that needs another must have Rust write it. */
export function stateOf(
  org: BackendOrg,
  changes: readonly BackendChange[],
  workspacePolicy: Policy | null = null,
  layerGuidance: LayerGuidance | null = null,
): BackendState {
  const state = findState(org, changes, workspacePolicy, layerGuidance);
  if (!state) {
    const under =
      (workspacePolicy ? ` under the workspace policy ${canonical(workspacePolicy)}` : "") +
      (layerGuidance ? ` under the layer guidance ${canonical(layerGuidance)}` : "");
    throw new Error(
      `no backend fixture of '${org.org}' after ${canonical(changes)}${under}: add the state to src/ui_fixtures/orgs.rs and run ORGRAPH_UPDATE_UI_FIXTURES=1 cargo test -p orgraph --lib ui_fixtures`,
    );
  }
  return state;
}

/** A command's answer in `state`; the org must have been written with it. */
export function answerOf<K extends keyof BackendState>(org: BackendOrg, state: BackendState, key: K): NonNullable<BackendState[K]> {
  const value = state[key];
  if (value === undefined || value === null) {
    throw new Error(`the backend wrote no ${String(key)} for '${org.org}': add it to the org's answers in src/ui_fixtures/orgs.rs`);
  }
  return structuredClone(value);
}

/** The dashboard the backend answered `request` with in `state`. */
export function dashboardOf(org: BackendOrg, state: BackendState, request: DashboardQuery): DashboardView {
  const found = answerOf(org, state, "dashboards").find((d) => canonical(d.request) === canonical(request));
  if (!found) {
    throw new Error(`no backend dashboard of '${org.org}' for ${canonical(request)}: add the request to src/ui_fixtures/orgs.rs`);
  }
  return structuredClone(found.answer);
}

/**
 * The backend's comparison of the baseline with `scenarios` (each named
 * by the fake, with the changes it applied): the columns of the one
 * comparison the Rust test wrote, of the baseline and some states.
 */
export function comparisonOf(org: BackendOrg, scenarios: readonly { name: string; changes: BackendChange[] }[]): ComparisonView {
  if (!org.comparison) throw new Error(`the backend wrote no comparison of '${org.org}'`);
  const written = org.comparison.answer;
  const columnOf = (state: BackendState): number => {
    const column = org.comparison!.states.indexOf(org.states.indexOf(state));
    if (column < 0) throw new Error(`the backend compared no state of '${org.org}' after ${canonical(state.changes)}: ask for "comparison" there`);
    return column;
  };
  const columns = [0, ...scenarios.map((s) => columnOf(stateOf(org, s.changes)))];
  const writtenName = (column: number) => written.scenarios[column]!;
  const names = new Map(columns.map((column, i) => [writtenName(column), i === 0 ? "baseline" : scenarios[i - 1]!.name]));
  const renamed = (name: string) => names.get(name) ?? name;
  const pick = <T>(values: readonly T[]) => columns.map((c) => values[c]!);
  const diff = (from: number, to: number) => {
    const found =
      from === 0
        ? written.against_baseline.find((d) => d.to === writtenName(to))
        : written.pairwise.find((d) => d.from === writtenName(from) && d.to === writtenName(to));
    const lines = from === to ? [] : (found?.lines ?? []);
    return { from: renamed(writtenName(from)), to: renamed(writtenName(to)), lines: structuredClone(lines) };
  };
  const chosen = columns.slice(1);
  return {
    scenarios: columns.map((c) => renamed(writtenName(c))),
    metrics: written.metrics.map((row) => ({
      metric: row.metric,
      values: pick(row.values),
      deltas: pick(row.deltas),
      by_settings: pick(row.by_settings),
    })),
    against_baseline: chosen.map((c) => diff(0, c)),
    pairwise: chosen.flatMap((a, i) => chosen.slice(i + 1).map((b) => diff(a, b))),
    settings: pick(written.settings),
  };
}

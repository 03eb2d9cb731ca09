// The real backend's answers, written by `src-tauri/src/ui_fixtures.rs`
// into tests/backend/ (see its README): what the fake backend serves in
// place of figures computed in TypeScript.

import { readFileSync } from "node:fs";
import type {
  ChangeRequest,
  ChartNode,
  ComparisonDto,
  DashboardDto,
  DashboardRequest,
  MetricsSummary,
  PeopleTableDto,
  PlanDto,
  SettingsDto,
  StaffPlusBoardDto,
  TeamDto,
  WhatIfDto,
} from "../src/generated";

/** What `save_what_if` records, in a fixture state's change list. */
export interface SaveWhatIf {
  kind: "saveWhatIf";
  whatIf: WhatIfDto;
}

export type BackendChange = ChangeRequest | SaveWhatIf;

/** Every command's answer for one scenario: the baseline after `changes`. */
export interface BackendState {
  changes: BackendChange[];
  chartNodes: ChartNode[];
  metrics: MetricsSummary;
  teams: TeamDto[];
  settings: SettingsDto;
  peopleTable: PeopleTableDto;
  plan: PlanDto;
  dashboards: { request: DashboardRequest; answer: DashboardDto }[];
  /** The board as it is; what-if previews only in the first (baseline) state. */
  staffPlus: Partial<Record<WhatIfDto, StaffPlusBoardDto>>;
}

export interface BackendOrg {
  org: string;
  states: BackendState[];
  /** The baseline compared with every other state's scenario, by name. */
  comparison?: { names: string[]; answer: ComparisonDto };
}

export type BackendOrgName = "small" | "dashboard" | "staffplus";

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
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The state after `changes`, or null when the backend wrote none. */
export function findState(org: BackendOrg, changes: readonly BackendChange[]): BackendState | null {
  const key = canonical(changes);
  return org.states.find((s) => canonical(s.changes) === key) ?? null;
}

/** The state after `changes`; a test that needs another must have Rust write it. */
export function stateOf(org: BackendOrg, changes: readonly BackendChange[]): BackendState {
  const state = findState(org, changes);
  if (!state) {
    throw new Error(
      `no backend fixture of '${org.org}' after ${canonical(changes)}: add the state to src-tauri/src/ui_fixtures/orgs.rs and run ORGRAPH_UPDATE_UI_FIXTURES=1 cargo test -p orgraph-app ui_fixtures`,
    );
  }
  return state;
}

/** The dashboard the backend answered `request` with in `state`. */
export function dashboardOf(org: BackendOrg, state: BackendState, request: DashboardRequest): DashboardDto {
  const found = state.dashboards.find((d) => canonical(d.request) === canonical(request));
  if (!found) {
    throw new Error(`no backend dashboard of '${org.org}' for ${canonical(request)}: add the request to src-tauri/src/ui_fixtures/orgs.rs`);
  }
  return structuredClone(found.answer);
}

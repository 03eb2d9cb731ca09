// A tiny org and a fake Platform for unit tests (no Tauri anywhere).

import type {
  ChangeDto,
  ChangeRequest,
  ChartNode,
  ConflictDto,
  ComparisonDto,
  DashboardDto,
  DashboardRequest,
  ExportRequest,
  FindingDto,
  ImportDetectionDto,
  ImportProgressDto,
  ImportRequest,
  ImportResultDto,
  MetricsSummary,
  PeopleTableDto,
  PersonDetails,
  PlanDto,
  RecentWorkspace,
  ScenarioDto,
  ScenarioState,
  SettingsDto,
  SizeVerdictDto,
  TeamDto,
  SnapshotDto,
  TargetDto,
} from "../src/generated";
import type { Rect } from "../src/lib/layout";
import { decodeIndexedNodes, encodeIndexedNodes } from "../src/lib/nodes";
import { fakeWorkspaceSettings, type FakeWorkspaceSettings } from "./fakeWorkspaceSettings";
import type { Platform } from "../src/lib/platform";
import { fakeLayout, fakeOpenView, fakePlaceholders } from "./chartFake";
import { fakeStaffPlusBoard, whatIfRequests } from "./staffplusFake";

export function node(index: number, id: string, name: string, manager: number | null, span = 0): ChartNode {
  return {
    index,
    id,
    name,
    title: span > 0 ? "Manager" : "Engineer",
    team: "Core",
    teamId: "Core",
    level: "L4",
    status: "active",
    manager,
    span,
    verdict: span > 0 ? "narrow" : null,
    totalReports: span,
    staffPlus: false,
    placement: null,
  };
}

/** ceo -> (ann -> bob, cat), dan */
export function smallOrg(): ChartNode[] {
  return [
    node(0, "ceo", "Casey Chief", null, 2),
    node(1, "ann", "Ann Archer", 0, 2),
    node(2, "bob", "Bob Baker", 1),
    node(3, "cat", "Cat Cooper", 1),
    node(4, "dan", "Dan Diaz", 0),
  ];
}

export function metrics(overrides: Partial<MetricsSummary> = {}): MetricsSummary {
  return {
    people: 5,
    managers: 2,
    ics: 3,
    roots: 1,
    layers: 3,
    span: { min: 2, median: 2, mean: 2, max: 2 },
    band: { min: 5, max: 8, narrow: 2, wide: 0, inBand: 0, singleReport: 0 },
    managerIcRatio: 1.5,
    spanHistogram: [{ span: 2, managers: 2 }],
    peoplePerLayer: [1, 2, 2],
    teamSize: { min: 5, max: 9, below: 1, within: 0, above: 0 },
    coverage: {
      teams: 4,
      covered: 3,
      uncovered: 1,
      ratio: 0.75,
      staffPlus: 2,
      embedded: 1,
      central: 1,
      unplaced: 0,
      icEngineers: 10,
      staffPlusToIcEngineerRatio: 0.2,
      maxLoad: 3,
      overloaded: 0,
      uncoveredTeams: ["Payments"],
    },
    warnings: [],
    warningGroups: [],
    ...overrides,
  };
}

/** The fake's teams before any change: everyone in smallOrg is in Core. */
export function baseTeams(): TeamDto[] {
  return [
    { id: "Core", name: "Core", kind: "stream-aligned", department: "Eng", lead: "ann", leadName: "Ann Archer", members: 0, costTotal: 0, staffPlus: 0, verdict: "below" },
    { id: "Infra", name: "Infra", kind: "platform", department: "Eng", lead: null, leadName: null, members: 0, costTotal: 0, staffPlus: 0, verdict: "below" },
  ];
}

export function defaultSettings(): SettingsDto {
  return {
    policy: { bandMin: 5, bandMax: 8, maxLoad: 3, teamMin: 5, teamMax: 9 },
    workspacePolicy: { bandMin: 5, bandMax: 8, maxLoad: 3, teamMin: 5, teamMax: 9 },
    ownBand: false, ownTeamSize: false, ownMaxLoad: false, ownLadder: false,
    ladder: [
      { code: "IC1", track: "ic", rank: 1, staffPlus: false },
      { code: "IC4", track: "ic", rank: 4, staffPlus: true },
      { code: "M1", track: "management", rank: 1, staffPlus: false },
    ],
  };
}

function sizeVerdict(size: number, min: number, max: number): SizeVerdictDto {
  return size < min ? "below" : size > max ? "above" : "within";
}

function teamSlug(name: string): string {
  return `team-${name.trim().toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join("-")}`;
}

function withTarget(settings: SettingsDto, target: TargetDto): SettingsDto {
  const p = settings.policy;
  switch (target.setting) {
    case "band":
      return { ...settings, policy: { ...p, bandMin: target.min, bandMax: target.max }, ownBand: true };
    case "teamSize":
      return { ...settings, policy: { ...p, teamMin: target.min, teamMax: target.max }, ownTeamSize: true };
    case "maxLoad":
      return { ...settings, policy: { ...p, maxLoad: target.maxLoad }, ownMaxLoad: true };
  }
}

/** Team and settings edits replayed over the base, like the backend's scenario. */
function replaySettingsAndTeams(changes: readonly FakeChange[], workspace: SettingsDto): { teams: TeamDto[]; settings: SettingsDto } {
  let teams = baseTeams();
  let settings = workspace;
  for (const change of changes) {
    if (change.kind !== "request") continue;
    const r = change.request;
    if (r.kind === "createTeam") {
      teams.push({ ...baseTeams()[1]!, id: r.team ?? teamSlug(r.name), name: r.name, kind: r.teamKind, department: r.department });
    } else if (r.kind === "renameTeam") {
      teams = teams.map((t) => (t.id === r.team ? { ...t, name: r.name } : t));
    } else if (r.kind === "setTeamKind") {
      teams = teams.map((t) => (t.id === r.team ? { ...t, kind: r.teamKind } : t));
    } else if (r.kind === "dissolveTeam") {
      teams = teams.filter((t) => t.id !== r.team);
    } else if (r.kind === "setPolicy") {
      settings = { ...settings, policy: r.policy, ownBand: true, ownTeamSize: true, ownMaxLoad: true };
    } else if (r.kind === "setTarget") {
      settings = withTarget(settings, r.target);
    } else if (r.kind === "setLadder") {
      settings = { ...settings, ladder: r.levels, ownLadder: true };
    }
  }
  return { teams, settings };
}

export function rects(count: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 60 }));
}

/**
 * A change in the fake's scenarios: a move, a person leaving, or any other
 * request the app sent (person edits change the fake's nodes; team, support
 * and dotted-line requests are only recorded).
 */
export type FakeChange =
  | { kind: "move"; person: string; to: string | null }
  | { kind: "remove"; person: string }
  | { kind: "request"; request: ChangeRequest };

export interface FakeScenario {
  parent: string | null;
  changes: FakeChange[];
  head: number;
}

export interface FakeBackend extends Platform, FakeWorkspaceSettings {
  /** The people of the scenario on show. */
  nodes: ChartNode[];
  /** Dotted lines as flat (manager, report) index pairs. */
  dotted: number[];
  calls: string[];
  /** Error the next move rejects with, as Tauri would hand it over. */
  failNextMove: { code: string; message: string } | null;
  /** Errors the next call of a method rejects with, keyed by method name. */
  failNext: Map<string, { code: string; message: string; findings?: FindingDto[] }>;
  scenarioData: Map<string, FakeScenario>;
  shown: string;
  /** Every export request, in order. */
  exports: ExportRequest[];
  /** What the fake Save as dialog answers (null: cancelled). */
  savePath: string | null;
  /** Every detect_import and import_people request, in order. */
  detections: ImportRequest[];
  imports: ImportRequest[];
  /** What the fake Open dialog answers (null: cancelled). */
  openPath: string | null;
  /** Progress an import reports before it resolves. */
  importProgress: ImportProgressDto[];
  importResult: ImportResultDto;
  /** Stored metrics snapshots per scenario, as the backend keeps them. */
  snapshotLog: Map<string, SnapshotDto[]>;
  /** Every dashboard request, in order. */
  dashboardRequests: DashboardRequest[];
  /** Records a change in the shown scenario (dropping its redo history). */
  record(change: FakeChange): void;
  /** A re-import: the baseline becomes `people`, every scenario kept. */
  reimport(people: ChartNode[]): void;
  /** The open workspace's file. */
  workspacePath: string;
  /** Other workspace files by path ("junk": a file that is not a workspace). */
  files: Map<string, ChartNode[] | "junk">;
  /** Paths opened, most recent first (what recent_workspaces lists). */
  recent: string[];
  /** What the fake Open dialog for a workspace answers (null: cancelled). */
  workspaceOpenPath: string | null;
}

/** The fake workspace's teams; nodes carry their names, as the backend's do. */
export const FAKE_TEAMS = [
  { id: "core", name: "Core" },
  { id: "payments", name: "Payments" },
];

function teamName(id: string | null): string | null {
  return id === null ? null : (FAKE_TEAMS.find((t) => t.id === id)?.name ?? id);
}

/** Annual cost in cents of the i-th person of a fake org: 100,000 + i × 1,000. */
export function fakeCost(i: number): number {
  return 10_000_000 + i * 100_000;
}

function cents(text: string): number | null {
  return text.trim() === "" ? null : Math.round(Number(text.replace(/,/g, "")) * 100);
}

/** The fake's annual cost of everyone, in currency units. */
export const FAKE_COST = 100_000;

/**
 * The dashboard of `nodes` like the backend computes it, with the default
 * band 5–8: out-of-band managers furthest first, teams (departments are
 * "Engineering" for every team) ranked and folded after `top`.
 */
export function fakeDashboard(scenario: string, nodes: readonly ChartNode[], request: DashboardRequest): DashboardDto {
  const band = { min: 5, max: 8 };
  const managers = nodes.filter((n) => n.span > 0);
  const spans = new Map<number, number>();
  for (const m of managers) spans.set(m.span, (spans.get(m.span) ?? 0) + 1);
  const outOfBand = managers
    .filter((m) => m.span < band.min || m.span > band.max)
    .map((m) => ({
      id: m.id,
      name: m.name,
      title: m.title,
      span: m.span,
      verdict: m.span < band.min ? ("narrow" as const) : ("wide" as const),
      distance: m.span < band.min ? band.min - m.span : m.span - band.max,
    }))
    .sort((a, b) => b.distance - a.distance || (a.id < b.id ? -1 : 1));
  const layerOf = (n: ChartNode): number => (n.manager === null ? 1 : layerOf(nodes[n.manager]!) + 1);
  const peoplePerLayer: number[] = [];
  for (const n of nodes) {
    const l = layerOf(n);
    peoplePerLayer[l - 1] = (peoplePerLayer[l - 1] ?? 0) + 1;
  }
  const groups = new Map<string | null, number>();
  for (const n of nodes) {
    const key = request.groupBy === "team" ? n.team : n.team === null ? null : "Engineering";
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const ranked = [...groups].map(([name, headcount]) => ({ name, headcount, cost: headcount * FAKE_COST }));
  ranked.sort((a, b) => b.headcount - a.headcount || String(a.name).localeCompare(String(b.name)));
  const top = ranked.slice(0, request.top);
  const folded = ranked.slice(request.top);
  const narrow = outOfBand.filter((m) => m.verdict === "narrow").length;
  const wide = outOfBand.length - narrow;
  return {
    scenario,
    people: nodes.length,
    managers: managers.length,
    ics: nodes.length - managers.length,
    layers: peoplePerLayer.length,
    managerIcRatio: managers.length > 0 ? (nodes.length - managers.length) / managers.length : null,
    span: { min: 0, median: 0, mean: 0, max: Math.max(0, ...managers.map((m) => m.span)) },
    band: { ...band, narrow, wide, inBand: managers.length - narrow - wide, singleReport: spans.get(1) ?? 0 },
    spanHistogram: [...spans].sort((a, b) => a[0] - b[0]).map(([span, count]) => ({ span, managers: count })),
    peoplePerLayer,
    outOfBand,
    outOfBandTotal: outOfBand.length,
    coverage: {
      teams: 4,
      covered: 3,
      uncovered: 1,
      ratio: 0.75,
      staffPlus: 3,
      overloaded: 1,
      maxLoad: 3,
      loadHistogram: [0, 1, 1, 0, 1],
    },
    breakdown: {
      groupBy: request.groupBy,
      rankBy: request.rankBy,
      top,
      rest:
        folded.length === 0
          ? null
          : {
              groups: folded.length,
              headcount: folded.reduce((t, g) => t + g.headcount, 0),
              cost: folded.reduce((t, g) => t + g.cost, 0),
            },
      groups: ranked.length,
    },
    costKnown: true,
  };
}

function applyRequest(nodes: ChartNode[], request: ChangeRequest): ChartNode[] {
  if (request.kind === "move") return applyChange(nodes, { kind: "move", person: request.person, to: request.manager });
  if (request.kind === "moveAlone") {
    // The person moves; their direct reports stay with the old manager.
    const person = nodes.find((n) => n.id === request.person);
    if (!person) return nodes;
    for (const r of nodes.filter((n) => n.manager === person.index)) {
      applyChange(nodes, { kind: "move", person: r.id, to: person.manager === null ? null : nodes[person.manager]!.id });
    }
    return applyChange(nodes, { kind: "move", person: request.person, to: request.manager });
  }
  if (request.kind === "removePerson") return applyChange(nodes, { kind: "remove", person: request.person });
  if (request.kind === "addPerson") {
    const p = request.person;
    const manager = nodes.find((n) => n.id === p.manager) ?? null;
    if (manager) manager.span++;
    const added: ChartNode = {
      ...node(nodes.length, p.id ?? `REQ-${nodes.length}`, p.name, manager ? manager.index : null),
      title: p.title,
      level: p.level,
      team: teamName(p.team),
      teamId: p.team,
      status: p.status,
    };
    return [...nodes, added];
  }
  if (request.kind === "editPerson") {
    const person = nodes.find((n) => n.id === request.person);
    if (!person) return nodes;
    const edit = request.edit;
    if (edit.field === "name") person.name = edit.value;
    if (edit.field === "title") person.title = edit.value;
    if (edit.field === "level") person.level = edit.value;
    if (edit.field === "status") person.status = edit.value;
    if (edit.field === "team") {
      person.team = teamName(edit.value);
      person.teamId = edit.value;
    }
  }
  if (request.kind === "assignTeam") {
    for (const n of nodes) {
      if (request.people.includes(n.id)) {
        n.team = teamName(request.team);
        n.teamId = request.team;
      }
    }
  }
  if (request.kind === "dissolveTeam") {
    for (const n of nodes) if (n.teamId === request.team) n.team = n.teamId = null;
  }
  return nodes;
}

function applyChange(nodes: ChartNode[], change: FakeChange): ChartNode[] {
  if (change.kind === "request") return applyRequest(nodes, change.request);
  if (change.kind === "move") {
    const person = nodes.find((n) => n.id === change.person);
    const manager = nodes.find((n) => n.id === change.to);
    // A move whose person or manager is gone does not apply (a conflict).
    if (!person || (change.to !== null && !manager)) return nodes;
    const old = person.manager;
    person.manager = manager ? manager.index : null;
    if (old !== null) nodes[old]!.span--;
    if (manager) manager.span++;
    return nodes;
  }
  // Remove a person (a leaf) and renumber everyone after them.
  const gone = nodes.find((n) => n.id === change.person);
  if (!gone) return nodes;
  if (gone.manager !== null) nodes[gone.manager]!.span--;
  const kept = nodes.filter((n) => n !== gone);
  const renumber = new Map(kept.map((n, i) => [n.index, i]));
  return kept.map((n) => ({
    ...n,
    index: renumber.get(n.index)!,
    manager: n.manager === null ? null : (renumber.get(n.manager) ?? null),
  }));
}

function managersOf(nodes: ChartNode[]): number {
  return nodes.filter((n) => n.span > 0).length;
}

/** An 8-quarter plan: 10 filled, then one more open req each quarter. */
export function fakePlan(scenario = "baseline"): PlanDto {
  const quarters = Array.from({ length: 8 }, (_, i) => `2027-Q${(i % 4) + 1}`.replace("2027", String(2027 + Math.floor(i / 4))));
  const figures = quarters.map((_, i) => ({ filled: 10, open: i, planned: i === 7 ? 2 : 0, total: 10 + i + (i === 7 ? 2 : 0), costTotal: 1_000_000 + i * 50_000.4 }));
  return {
    scenario,
    quarters,
    total: figures,
    departments: [
      { name: "Engineering", unassigned: false, quarters: figures, budget: 1_100_000, variance: figures.map((f) => 1_100_000 - (f.costTotal ?? 0)) },
      { name: "Sales", unassigned: false, quarters: figures, budget: null, variance: figures.map(() => null) },
    ],
    teams: [{ name: "Core", unassigned: false, quarters: figures, budget: null, variance: figures.map(() => null) }],
  };
}

/** The columns of the fake HRIS file and the fields they are detected as. */
export const FAKE_COLUMNS: ReadonlyArray<[string, string | null]> = [
  ["Employee #", "id"],
  ["Full Name", "name"],
  ["Reports To", "manager_id"],
  ["Job Title", "title"],
  ["Notes", null],
];

/** What detect_import says about a fake file; workbooks (.xlsx) have two sheets. */
export function fakeDetection(request: ImportRequest): ImportDetectionDto {
  const workbook = request.path.endsWith(".xlsx");
  const overrides = new Map(request.overrides.map((o) => [o.column, o.field]));
  return {
    path: request.path,
    format: workbook ? "spreadsheet" : "csv",
    encoding: workbook ? null : "UTF-8",
    delimiter: workbook ? null : ",",
    sheet: workbook ? (request.sheet ?? "People") : null,
    sheets: workbook ? ["People", "Leavers"] : [],
    columns: FAKE_COLUMNS.map(([header, field], index) => {
      const chosen = overrides.get(header);
      return {
        index,
        header,
        field: chosen === undefined ? field : chosen === "ignore" ? null : chosen,
        overridden: chosen !== undefined,
      };
    }),
    managerRef: request.managerRef ?? "last-first",
    managerRefs: ["id", "employee-number", "email", "name", "last-first", "org-and-name"],
    fields: ["id", "manager_id", "name", "title", "team"],
    rows: 4,
    preview: [["1", "Ada Lovelace", "", "CEO", ""]],
    choices: [
      { field: "id", header: "Employee #", reason: "its header" },
      { field: "manager_id", header: "Reports To", reason: "100% of references match people by name" },
    ],
    managerRefReason: "all references look like \"Last, First\"",
    findings: [],
  };
}

export function fakePlatform(nodes = smallOrg()): FakeBackend {
  let base = nodes.map((n) => ({ ...n }));
  const materialise = (name: string): ChartNode[] => {
    const s = backend.scenarioData.get(name)!;
    let out = base.map((n) => ({ ...n }));
    for (const change of s.changes.slice(0, s.head)) out = applyChange(out, change);
    return out;
  };
  const dto = (name: string): ScenarioDto => {
    const s = backend.scenarioData.get(name)!;
    return {
      name,
      parent: s.parent,
      isBaseline: name === "baseline",
      head: s.head,
      changes: s.changes.length,
      canUndo: s.head > 0,
      canRedo: s.head < s.changes.length,
      conflicts: conflictsOf(name).length,
    };
  };
  const describe = (c: FakeChange): string => {
    if (c.kind === "move") return `move ${c.person} -> ${c.to ?? "(top)"}`;
    if (c.kind === "remove") return `remove ${c.person}`;
    return c.request.kind;
  };
  /** Moves of `name` whose person or manager the baseline no longer has, as the core words them. */
  const conflictsOf = (name: string): ConflictDto[] => {
    const s = backend.scenarioData.get(name)!;
    let out = base.map((n) => ({ ...n }));
    const found: ConflictDto[] = [];
    s.changes.slice(0, s.head).forEach((change, i) => {
      if (change.kind === "move") {
        const has = (id: string) => out.some((n) => n.id === id);
        const [reasonKind, reason] = !has(change.person)
          ? ["person-gone", `'${change.person}' is no longer in the org`]
          : change.to !== null && !has(change.to)
            ? ["manager-gone", `manager '${change.to}' is no longer in the org`]
            : [null, null];
        if (reasonKind !== null && reason !== null) {
          found.push({ position: i + 1, change: describe(change), reason, reasonKind, retargetable: reasonKind !== "person-gone" });
          return;
        }
      }
      out = applyChange(out, change);
    });
    return found;
  };
  const state = (): ScenarioState => {
    const s = backend.scenarioData.get(backend.shown)!;
    return {
      current: dto(backend.shown),
      all: [...backend.scenarioData.keys()].map(dto),
      undoLabel: s.head > 0 ? describe(s.changes[s.head - 1]!) : null,
      redoLabel: s.head < s.changes.length ? describe(s.changes[s.head]!) : null,
      conflicts: conflictsOf(backend.shown),
    };
  };
  const replayed = () => {
    const s = backend.scenarioData.get(backend.shown)!;
    return replaySettingsAndTeams(s.changes.slice(0, s.head), backend.workspaceSettings);
  };
  const teamRows = (): TeamDto[] => {
    const { teams, settings } = replayed();
      const { teamMin, teamMax } = settings.policy;
      return teams.map((t) => {
        const members = backend.nodes.filter((n) => n.teamId === t.id && n.status === "active");
        return {
          ...t,
          members: members.length,
          costTotal: members.length * 100_000,
          staffPlus: members.filter((n) => n.staffPlus).length,
          verdict: sizeVerdict(members.length, teamMin, teamMax),
        };
      });
  };
  /** Refuses what the core refuses, with the same codes. */
  const validate = (request: ChangeRequest): void => {
    const { teams, settings } = replayed();
    const known = (id: string) => teams.some((t) => t.id === id);
    const refuse = (message: string) => {
      throw { code: "invalid-input", message };
    };
    if (request.kind === "createTeam" && known(request.team ?? teamSlug(request.name))) {
      throw { code: "invalid-input", message: `a team with id '${request.team ?? teamSlug(request.name)}' already exists` };
    }
    if ((request.kind === "renameTeam" || request.kind === "setTeamKind" || request.kind === "dissolveTeam") && !known(request.team)) {
      refuse(`no team with id '${request.team}'`);
    }
    if (request.kind === "assignTeam" && request.team !== null && !known(request.team)) refuse(`no team with id '${request.team}'`);
    if (request.kind === "setPolicy") {
      const p = request.policy;
      if (p.bandMin < 1 || p.bandMin > p.bandMax || p.teamMin < 1 || p.teamMin > p.teamMax) refuse("the range is not valid");
      if (JSON.stringify(p) === JSON.stringify(settings.policy)) refuse("the policy is already set that way");
    }
    if (request.kind === "setTarget") {
      const next = withTarget(settings, request.target).policy;
      if (next.bandMin < 1 || next.bandMin > next.bandMax || next.teamMin < 1 || next.teamMin > next.teamMax) refuse("the range is not valid");
      if (JSON.stringify(next) === JSON.stringify(settings.policy)) refuse("the target is already set");
    }
    if (request.kind === "setLadder" && request.levels.length === 0) refuse("a ladder needs at least one level");
  };
  const maybeFail = (method: string): void => {
    backend.calls.push(method);
    const error = backend.failNext.get(method);
    if (error) {
      backend.failNext.delete(method);
      throw error;
    }
  };
  let snapshotId = 0;
  /** Stores the shown scenario's figures, as every backend edit does. */
  const snapshot = (reason: string): void => {
    const nodes = backend.nodes;
    const managers = managersOf(nodes);
    const log = backend.snapshotLog.get(backend.shown) ?? [];
    log.push({
      id: ++snapshotId,
      asOf: "2026-11-27",
      takenAt: `2026-11-27T10:${String(snapshotId).padStart(2, "0")}:00.000Z`,
      reason,
      people: nodes.length,
      managers,
      layers: 3,
      spanMedian: 2,
      bandNarrow: managers,
      bandWide: 0,
      managerIcRatio: managers > 0 ? (nodes.length - managers) / managers : null,
      coverageRatio: 0.75,
    });
    backend.snapshotLog.set(backend.shown, log);
  };
  const show = (name: string): ScenarioState => {
    backend.shown = name;
    backend.nodes = materialise(name);
    return state();
  };
  /** The requests applied in a scenario (for the fake staff+ model). */
  const requestsOf = (name: string): ChangeRequest[] => {
    const s = backend.scenarioData.get(name)!;
    return s.changes.slice(0, s.head).flatMap((c) => (c.kind === "request" ? [c.request] : []));
  };
  const requireScenario = (name: string): FakeScenario => {
    const s = backend.scenarioData.get(name);
    if (!s) throw { code: "not-found", message: `no scenario '${name}'` };
    return s;
  };
  const requireFree = (name: string): void => {
    if (name.includes("/")) throw { code: "invalid-input", message: "a name may not contain '/'" };
    if (backend.scenarioData.has(name)) throw { code: "already-exists", message: `scenario '${name}' exists` };
  };
  /** Location, cost and start date of everyone in the shown scenario, by id. */
  const extras = (): Map<string, { location: string; cost: number | null; startDate: string | null }> => {
    const out = new Map(
      base.map((n, i) => [
        n.id,
        { location: i % 2 === 0 ? "Berlin" : "Paris", cost: fakeCost(i) as number | null, startDate: null as string | null },
      ]),
    );
    const s = backend.scenarioData.get(backend.shown)!;
    let count = base.length;
    for (const c of s.changes.slice(0, s.head)) {
      if (c.kind === "remove" || (c.kind === "request" && c.request.kind === "removePerson")) count--;
      if (c.kind !== "request") continue;
      const r = c.request;
      if (r.kind === "addPerson") {
        const p = r.person;
        out.set(p.id ?? `REQ-${count}`, { location: p.location, cost: cents(p.cost), startDate: p.startDate || null });
        count++;
      }
      if (r.kind === "editPerson" && r.edit.field === "cost") {
        const entry = out.get(r.person);
        if (entry) entry.cost = cents(r.edit.value);
      }
    }
    return out;
  };
  /** Shows the workspace at `path` with `people`, on its baseline. */
  const switchTo = (path: string, people: ChartNode[], keepScenarios: boolean) => {
    backend.files.set(backend.workspacePath, base.map((n) => ({ ...n })));
    backend.workspacePath = path;
    base = people.map((n) => ({ ...n }));
    if (!keepScenarios) {
      backend.scenarioData = new Map([["baseline", { parent: null, changes: [], head: 0 }]]);
      backend.shown = "baseline";
    }
    backend.nodes = materialise(backend.shown);
    backend.recent = [path, ...backend.recent.filter((p) => p !== path)].slice(0, 8);
    return info();
  };
  const info = () => ({
    path: backend.workspacePath,
    name: backend.workspacePath.split("/").pop() ?? backend.workspacePath,
    people: backend.nodes.length,
  });
  const backend: FakeBackend = {
    nodes, ...fakeWorkspaceSettings(() => backend, state, maybeFail, defaultSettings()),
    workspacePath: "/tmp/test.orgraph",
    files: new Map(),
    recent: ["/tmp/test.orgraph"],
    workspaceOpenPath: null,
    async newWorkspace(path) {
      maybeFail("newWorkspace");
      if (path === backend.workspacePath || backend.files.has(path)) {
        throw { code: "already-exists", message: `${path}: a file already exists there` };
      }
      return switchTo(path, [], false);
    },
    async openWorkspace(path) {
      maybeFail("openWorkspace");
      const file = path === backend.workspacePath ? base : backend.files.get(path);
      if (file === undefined) throw { code: "io", message: `${path}: No such file or directory` };
      if (file === "junk") throw { code: "not-a-workspace", message: `${path}: not an Orgraph workspace` };
      return switchTo(path, file, false);
    },
    async saveWorkspaceAs(path) {
      maybeFail("saveWorkspaceAs");
      if (path === backend.workspacePath) throw { code: "invalid-input", message: "that is the workspace already open" };
      if (!path.startsWith("/")) throw { code: "io", message: `${path}: the folder does not exist` };
      return switchTo(path, base, true);
    },
    async recentWorkspaces(): Promise<RecentWorkspace[]> {
      maybeFail("recentWorkspaces");
      return backend.recent.map((path) => ({
        path,
        name: path.split("/").pop() ?? path,
        current: path === backend.workspacePath,
      }));
    },
    async chooseWorkspaceFile(defaultPath) {
      maybeFail("chooseWorkspaceFile");
      backend.calls.push(`chooseWorkspaceFile:${defaultPath}`);
      return backend.workspaceOpenPath;
    },
    dotted: [],
    calls: [],
    exports: [],
    savePath: null,
    detections: [],
    imports: [],
    openPath: null,
    importProgress: [
      { stage: "reading", done: 50, total: 100 },
      { stage: "validating", done: 4, total: 4 },
    ],
    importResult: { people: 4, teams: 2, warnings: [], warningGroups: [], report: null, keptAs: null, conflicts: [] },
    failNextMove: null,
    failNext: new Map(),
    scenarioData: new Map([["baseline", { parent: null, changes: [], head: 0 }]]),
    shown: "baseline",
    snapshotLog: new Map(),
    dashboardRequests: [],
    reimport(people) {
      base = people.map((n) => ({ ...n }));
      backend.nodes = materialise(backend.shown);
    },
    record(change) {
      const s = backend.scenarioData.get(backend.shown)!;
      s.changes = [...s.changes.slice(0, s.head), change];
      s.head = s.changes.length;
      backend.nodes = materialise(backend.shown);
      snapshot(describe(change));
    },
    async dashboard(request) {
      maybeFail("dashboard");
      backend.dashboardRequests.push(request);
      return fakeDashboard(backend.shown, backend.nodes, request);
    },
    async snapshots() {
      maybeFail("snapshots");
      return [...(backend.snapshotLog.get(backend.shown) ?? [])];
    },
    async applyChange(request) {
      maybeFail(`applyChange:${request.kind}`);
      if (request.kind === "editPerson" && request.edit.field === "cost" && !/^\d+(\.\d{1,2})?$/.test(request.edit.value)) {
        throw { code: "invalid-input", message: `cost '${request.edit.value}' is not an amount` };
      }
      validate(request);
      backend.record({ kind: "request", request });
      return state();
    },
    async teams() {
      maybeFail("teams");
      return teamRows();
    },
    async settings() {
      maybeFail("settings");
      return replayed().settings;
    },

    async scenarios() {
      maybeFail("scenarios");
      return state();
    },
    async switchScenario(name) {
      maybeFail(`switchScenario:${name}`);
      requireScenario(name);
      return show(name);
    },
    async createScenario(name, from) {
      maybeFail(`createScenario:${name}<-${from}`);
      const parent = requireScenario(from);
      requireFree(name);
      const changes = parent.changes.slice(0, parent.head);
      backend.scenarioData.set(name, { parent: from, changes, head: changes.length });
      return show(name);
    },
    async duplicateScenario(name, newName) {
      maybeFail(`duplicateScenario:${name}->${newName}`);
      const s = requireScenario(name);
      requireFree(newName);
      backend.scenarioData.set(newName, { parent: s.parent ?? name, changes: [...s.changes], head: s.head });
      return show(newName);
    },
    async renameScenario(name, newName) {
      maybeFail(`renameScenario:${name}->${newName}`);
      const s = requireScenario(name);
      if (name === "baseline") throw { code: "invalid-input", message: "the baseline can't be renamed" };
      requireFree(newName);
      backend.scenarioData.delete(name);
      backend.scenarioData.set(newName, s);
      if (backend.shown === name) backend.shown = newName;
      return state();
    },
    async deleteScenario(name) {
      maybeFail(`deleteScenario:${name}`);
      requireScenario(name);
      if (name === "baseline") throw { code: "invalid-input", message: "the baseline can't be deleted" };
      backend.scenarioData.delete(name);
      return backend.shown === name ? show("baseline") : state();
    },
    async undo() {
      maybeFail("undo");
      const s = backend.scenarioData.get(backend.shown)!;
      if (s.head === 0) throw { code: "nothing-to-undo", message: "nothing to undo" };
      s.head--;
      const shown = show(backend.shown);
      snapshot("undo");
      return shown;
    },
    async redo() {
      maybeFail("redo");
      const s = backend.scenarioData.get(backend.shown)!;
      if (s.head === s.changes.length) throw { code: "nothing-to-redo", message: "nothing to redo" };
      s.head++;
      const shown = show(backend.shown);
      snapshot("redo");
      return shown;
    },
    async dropChange(position) {
      maybeFail(`dropChange:${position}`);
      const s = backend.scenarioData.get(backend.shown)!;
      if (position < 1 || position > s.changes.length) {
        throw { code: "invalid-input", message: `scenario '${backend.shown}' has no change ${position}` };
      }
      s.changes.splice(position - 1, 1);
      if (position <= s.head) s.head--;
      return show(backend.shown);
    },
    async retargetMove(position, manager) {
      maybeFail(`retargetMove:${position}`);
      const s = backend.scenarioData.get(backend.shown)!;
      const change = s.changes[position - 1];
      if (change?.kind !== "move") throw { code: "invalid-input", message: `change ${position} is not a move` };
      if (manager !== null && !base.some((n) => n.id === manager)) {
        throw { code: "invalid-input", message: `move ${change.person} to ${manager} would not apply either` };
      }
      s.changes[position - 1] = { ...change, to: manager };
      return show(backend.shown);
    },
    async scenarioChanges(): Promise<ChangeDto[]> {
      maybeFail("scenarioChanges");
      const s = backend.scenarioData.get(backend.shown)!;
      return s.changes.map((c, i) => ({
        position: i + 1,
        kind: c.kind === "request" ? c.request.kind : c.kind,
        description: describe(c),
        ids: c.kind === "request" ? [] : [c.person],
        effective: null,
        applied: i < s.head,
      }));
    },
    async compareScenarios(names): Promise<ComparisonDto> {
      maybeFail(`compareScenarios:${names.join(",")}`);
      const all = ["baseline", ...names];
      const orgs = all.map((n) => {
        requireScenario(n);
        return materialise(n);
      });
      const row = (metric: string, f: (o: ChartNode[]) => number) => {
        const values = orgs.map(f);
        return { metric, values, deltas: values.map((v) => v - values[0]!), bySettings: values.map(() => false) };
      };
      const diff = (from: string, to: string) => ({
        from,
        to,
        lines: materialise(to)
          .filter((n) => materialise(from).find((m) => m.id === n.id)?.manager !== n.manager)
          .map((n) => ({ kind: "moved", person: n.id, text: `${n.id} (${n.name}): moved` })),
      });
      return {
        scenarios: all,
        metrics: [row("people", (o) => o.length), row("managers", managersOf)],
        againstBaseline: names.map((n) => diff("baseline", n)),
        pairwise: names.flatMap((a, i) => names.slice(i + 1).map((b) => diff(a, b))),
        settings: all.map(() => null),
      };
    },
    async headcountPlan() {
      maybeFail("headcountPlan");
      return fakePlan(backend.shown);
    },
    async chooseSavePath(defaultPath, filterName, extension) {
      maybeFail("chooseSavePath");
      backend.calls.push(`chooseSavePath:${defaultPath}:${filterName}:${extension}`);
      return backend.savePath;
    },
    async detectImport(request) {
      maybeFail("detectImport");
      backend.detections.push(request);
      return fakeDetection(request);
    },
    async importPeople(request, onProgress) {
      maybeFail("importPeople");
      backend.imports.push(request);
      for (const p of backend.importProgress) onProgress(p);
      return backend.importResult;
    },
    async staffPlusBoard(whatIf) {
      maybeFail(`staffPlusBoard:${whatIf}`);
      return fakeStaffPlusBoard(requestsOf(backend.shown), whatIf);
    },
    async saveWhatIf(name, whatIf) {
      maybeFail(`saveWhatIf:${name}:${whatIf}`);
      const from = requireScenario(backend.shown);
      requireFree(name);
      const extra = whatIfRequests(requestsOf(backend.shown), whatIf);
      if (extra.length === 0) throw { code: "invalid-input", message: "this preview changes nothing" };
      const changes: FakeChange[] = [...from.changes.slice(0, from.head), ...extra.map((request) => ({ kind: "request" as const, request }))];
      backend.scenarioData.set(name, { parent: backend.shown, changes, head: changes.length });
      return show(name);
    },
    async chooseImportFile() {
      maybeFail("chooseImportFile");
      return backend.openPath;
    },
    async exportFile(request) {
      maybeFail("exportFile");
      backend.exports.push(request);
      return {
        path: request.path,
        format: request.format,
        scenario: request.scenario,
        bytes: 2048,
        pages: request.format === "pdf" ? 2 : null,
      };
    },
    async workspaceInfo() {
      backend.calls.push("workspaceInfo");
      return info();
    },
    async chartNodes() {
      backend.calls.push("chartNodes");
      return backend.nodes.map((n) => ({ ...n }));
    },
    async chartChainNodes(id) {
      backend.calls.push(`chartChainNodes:${id}`);
      // Like the Rust side: the person, then each manager up to the root.
      const chain: ChartNode[] = [];
      let at: number | null = backend.nodes.find((n) => n.id === id)?.index ?? null;
      if (at === null) throw { code: "not-found", message: `person ${id} not found` };
      while (at !== null) {
        const n: ChartNode = backend.nodes[at]!;
        chain.push({ ...n });
        at = n.manager;
      }
      return decodeIndexedNodes(encodeIndexedNodes(chain));
    },
    async chartDotted() {
      backend.calls.push("chartDotted");
      return new Uint32Array(backend.dotted);
    },
    async chartLayout(collapsed) {
      backend.calls.push(`chartLayout:${collapsed.join(",")}`);
      return fakeLayout(backend, collapsed);
    },
    async chartPlaceholders() {
      backend.calls.push("chartPlaceholders");
      return fakePlaceholders(backend);
    },
    async chartOpenView(width, height, minScale) {
      backend.calls.push(`chartOpenView:${width}x${height}@${minScale}`);
      return fakeOpenView(backend.nodes);
    },
    async metrics() {
      backend.calls.push("metrics");
      // Like the backend: the figures of the scenario on show.
      const managers = managersOf(backend.nodes);
      const { policy } = replayed().settings;
      const teams = teamRows();
      const count = (v: SizeVerdictDto) => teams.filter((t) => t.verdict === v).length;
      return metrics({
        people: backend.nodes.length,
        managers,
        ics: backend.nodes.length - managers,
        band: { ...metrics().band, min: policy.bandMin, max: policy.bandMax },
        teamSize: { min: policy.teamMin, max: policy.teamMax, below: count("below"), within: count("within"), above: count("above") },
      });
    },
    async peopleTable(): Promise<PeopleTableDto> {
      maybeFail("peopleTable");
      const byId = extras();
      const locations: string[] = [];
      const rows = backend.nodes.map((n) => byId.get(n.id) ?? { location: "", cost: null, startDate: null });
      const location = rows.map((r) => {
        const at = locations.indexOf(r.location);
        if (at >= 0) return at;
        locations.push(r.location);
        return locations.length - 1;
      });
      return {
        teams: FAKE_TEAMS.map((t) => ({ ...t })),
        locations,
        team: backend.nodes.map((n) => {
          const at = FAKE_TEAMS.findIndex((t) => t.name === n.team);
          return at < 0 ? null : at;
        }),
        location,
        costCents: rows.map((r) => r.cost),
        startDate: rows.map((r) => r.startDate),
      };
    },
    async personDetails(id): Promise<PersonDetails> {
      backend.calls.push(`personDetails:${id}`);
      const me = backend.nodes.find((n) => n.id === id);
      if (!me) throw { code: "not-found", message: `no person with id '${id}'` };
      const ref = (n: ChartNode) => ({ id: n.id, name: n.name, title: n.title, reports: n.span });
      const manager = me.manager === null ? null : backend.nodes[me.manager];
      return {
        id: me.id,
        name: me.name,
        title: me.title,
        level: me.level,
        location: "",
        team: me.team,
        status: me.status,
        staffPlus: me.staffPlus,
        manager: manager ? ref(manager) : null,
        reports: backend.nodes.filter((n) => n.manager === me.index).map(ref),
        totalReports: me.totalReports,
        verdict: me.verdict,
        chain: [],
      };
    },
    async movePerson(personId, managerId) {
      backend.calls.push(`movePerson:${personId}->${managerId}`);
      if (backend.failNextMove) {
        const error = backend.failNextMove;
        backend.failNextMove = null;
        throw error;
      }
      if (!backend.nodes.some((n) => n.id === personId)) throw { code: "not-found", message: "no such person" };
      backend.record({ kind: "move", person: personId, to: managerId });
      const managers = managersOf(backend.nodes);
      return metrics({ managers, ics: backend.nodes.length - managers });
    },
  };
  // The seed's snapshot of the baseline.
  snapshot("seed demo org");
  return backend;
}

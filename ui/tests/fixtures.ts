// A tiny org and a fake Platform for unit tests (no Tauri anywhere). The
// fake keeps scenarios and their changes; every figure it answers with
// (metrics, dashboard, plan, staff+ board, comparison) is the real
// backend's, read from tests/backend/ (see backendFixtures.ts).

import type {
  ChangeDto,
  ChangeRequest,
  ChartNode,
  ConflictDto,
  ComparisonDto,
  DashboardRequest,
  ExportRequest,
  FindingDto,
  ImportProgressDto,
  ImportRequest,
  ImportResultDto,
  MetricsSummary,
  PeopleTableDto,
  PersonDetails,
  RecentWorkspace,
  ScenarioDto,
  ScenarioState,
  SettingsDto,
  StaffPlusBoardDto,
  TeamDto,
  SnapshotDto,
  WhatIfDto,
} from "../src/generated";
import type { Rect } from "../src/lib/layout";
import { decodeIndexedNodes, encodeIndexedNodes } from "../src/lib/nodes";
import { fakeWorkspaceSettings, type FakeWorkspaceSettings } from "./fakeWorkspaceSettings";
import type { Platform } from "../src/lib/platform";
import { fakeLayout, fakeOpenView, fakePlaceholders } from "./chartFake";
import {
  answerOf,
  backendOrg,
  comparisonOf,
  dashboardOf,
  findState,
  stateOf,
  type BackendChange,
  type BackendOrg,
  type BackendOrgName,
} from "./backendFixtures";
import {
  applyChange,
  cents,
  FAKE_TEAMS,
  fakeCost,
  managersOf,
  node,
  replaySettingsAndTeams,
  teamSlug,
  withTarget,
  type FakeChange,
  type FakeScenario,
} from "./fakeChanges";
import { fakeDetection } from "./fakeImport";

export { baseTeams, FAKE_TEAMS, fakeCost, node, type FakeChange, type FakeScenario } from "./fakeChanges";
export { FAKE_COLUMNS, fakeDetection } from "./fakeImport";

/** ceo -> (ann -> bob, cat), dan, all in Core: the backend's `small` org. */
export function smallOrg(): ChartNode[] {
  return stateOf(backendOrg("small"), []).chartNodes;
}

/** The backend's metrics of the `small` org's baseline. */
function baselineMetrics(): MetricsSummary {
  return stateOf(backendOrg("small"), []).metrics;
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

export function rects(count: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 60 }));
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

/**
 * A fake backend on the real backend's answers for the org `name` of
 * tests/backend/: its baseline's chart nodes, and its figures in every
 * state the Rust test wrote.
 */
export function fakeBackend(name: BackendOrgName): FakeBackend {
  const org = backendOrg(name);
  return fakePlatform(stateOf(org, []).chartNodes, org);
}

/**
 * A fake backend on `nodes` (by default the `small` org's). Its figures
 * are the backend's answers for `org`, which defaults to `small` when the
 * nodes do; a fake on other nodes has no figures to give but metrics.
 */
export function fakePlatform(nodes?: ChartNode[], org?: BackendOrg | null): FakeBackend {
  const figures = org !== undefined ? org : nodes === undefined ? backendOrg("small") : null;
  let base = (nodes ?? smallOrg()).map((n) => ({ ...n }));
  /** The workspace settings the backend's figures were written with. */
  const initialSettings = JSON.stringify(defaultSettings());
  /** The file holding the org the figures are of (null after a re-import). */
  let writtenPath: string | null = "/tmp/test.orgraph";
  /** Whether the workspace on show holds that org. */
  let onWrittenOrg = true;
  const materialise = (name: string): ChartNode[] => {
    const written = writtenState(name);
    if (written) return structuredClone(written.chartNodes);
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
    if (c.kind === "whatIf") return `staff+ ${c.whatIf}`;
    return c.request.kind;
  };
  /** The applied changes of scenario `name` as the backend's state lists them. */
  const applied = (name: string): BackendChange[] => {
    const s = backend.scenarioData.get(name)!;
    return s.changes.slice(0, s.head).map((c): BackendChange => {
      if (c.kind === "move") return { kind: "move", person: c.person, manager: c.to };
      if (c.kind === "remove") return { kind: "removePerson", person: c.person };
      if (c.kind === "whatIf") return { kind: "saveWhatIf", whatIf: c.whatIf };
      return c.request;
    });
  };
  /** The backend's answers for scenario `name` (default: the one on show). */
  const answers = (name = backend.shown) => {
    if (!figures) throw new Error("this fake has no backend figures: build it with fakeBackend(org) or fakePlatform()");
    if (!onWrittenOrg) throw new Error("the backend wrote no figures of this workspace's org");
    if (JSON.stringify(backend.workspaceSettings) !== initialSettings) {
      throw new Error("the backend wrote its figures with the default workspace settings");
    }
    return stateOf(figures, applied(name));
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
  /** The backend's team rows of the scenario on show. */
  const teamRows = (): TeamDto[] => answerOf(figures!, answers(), "teams");
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
  /** Stores the shown scenario's metrics, as every backend edit does. */
  const snapshot = (reason: string): void => {
    const m = metricsOfShown();
    const log = backend.snapshotLog.get(backend.shown) ?? [];
    log.push({
      id: ++snapshotId,
      asOf: "2026-11-27",
      takenAt: `2026-11-27T10:${String(snapshotId).padStart(2, "0")}:00.000Z`,
      reason,
      people: m.people,
      managers: m.managers,
      layers: m.layers,
      spanMedian: m.span.median,
      bandNarrow: m.band.narrow,
      bandWide: m.band.wide,
      managerIcRatio: m.managerIcRatio,
      coverageRatio: m.coverage.ratio,
    });
    backend.snapshotLog.set(backend.shown, log);
  };
  /** The backend's answers for scenario `name`, if it wrote that state. */
  const writtenState = (name = backend.shown) => {
    const asWritten = onWrittenOrg && JSON.stringify(backend.workspaceSettings) === initialSettings;
    return figures && asWritten ? findState(figures, applied(name)) : null;
  };
  /**
   * The backend's metrics of the scenario on show where it wrote them;
   * otherwise (a state no test reads figures of, or a fake on its own
   * nodes) its baseline's, with the counts and policy of the nodes shown.
   */
  const metricsOfShown = (): MetricsSummary => {
    const state = writtenState();
    if (state) return structuredClone(state.metrics);
    const managers = managersOf(backend.nodes);
    const { policy } = replayed().settings;
    const known = baselineMetrics();
    return {
      ...known,
      people: backend.nodes.length,
      managers,
      ics: backend.nodes.length - managers,
      band: { ...known.band, min: policy.bandMin, max: policy.bandMax },
      teamSize: { ...known.teamSize, min: policy.teamMin, max: policy.teamMax },
    };
  };
  const show = (name: string): ScenarioState => {
    backend.shown = name;
    backend.nodes = materialise(name);
    return state();
  };
  const staffPlusBoard = (whatIf: WhatIfDto): StaffPlusBoardDto => {
    const board = answers().staffPlus[whatIf];
    if (!board) throw new Error(`the backend wrote no ${whatIf} staff+ board for ${JSON.stringify(applied(backend.shown))}`);
    return structuredClone(board);
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
    if (people !== base) onWrittenOrg = path === writtenPath;
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
    nodes: nodes ?? base.map((n) => ({ ...n })),
    ...fakeWorkspaceSettings(() => backend, state, maybeFail, defaultSettings()),
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
      writtenPath = null;
      onWrittenOrg = false;
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
      return { ...dashboardOf(figures!, answers(), request), scenario: backend.shown };
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
        kind: c.kind === "request" ? c.request.kind : c.kind === "whatIf" ? "editPerson" : c.kind,
        description: describe(c),
        ids: c.kind === "move" || c.kind === "remove" ? [c.person] : [],
        effective: null,
        applied: i < s.head,
      }));
    },
    async compareScenarios(names): Promise<ComparisonDto> {
      maybeFail(`compareScenarios:${names.join(",")}`);
      for (const n of names) requireScenario(n);
      if (!figures) throw new Error("this fake has no backend figures to compare");
      return comparisonOf(figures, names.map((n) => ({ name: n, changes: applied(n) })));
    },
    async headcountPlan() {
      maybeFail("headcountPlan");
      return { ...answerOf(figures!, answers(), "plan"), scenario: backend.shown };
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
      return staffPlusBoard(whatIf);
    },
    async saveWhatIf(name, whatIf) {
      maybeFail(`saveWhatIf:${name}:${whatIf}`);
      const from = requireScenario(backend.shown);
      requireFree(name);
      if (staffPlusBoard(whatIf).changes === 0) throw { code: "invalid-input", message: "this preview changes nothing" };
      const changes: FakeChange[] = [...from.changes.slice(0, from.head), { kind: "whatIf", whatIf }];
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
      return metricsOfShown();
    },
    async peopleTable(): Promise<PeopleTableDto> {
      maybeFail("peopleTable");
      // The backend's table where it wrote the state; else one built from
      // the fake's nodes and the costs and places its changes set.
      const written = writtenState()?.peopleTable;
      if (written) return structuredClone(written);
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
      return metricsOfShown();
    },
  };
  // The seed's snapshot of the baseline.
  snapshot("seed demo org");
  return backend;
}

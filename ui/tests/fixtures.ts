// A tiny org and a fake Platform for unit tests (no Tauri anywhere).

import type {
  ChangeDto,
  ChangeRequest,
  ChartNode,
  ComparisonDto,
  ExportRequest,
  FindingDto,
  ImportDetectionDto,
  ImportProgressDto,
  ImportRequest,
  ImportResultDto,
  MetricsSummary,
  PersonDetails,
  PlanDto,
  ScenarioDto,
  ScenarioState,
} from "../src/generated";
import { encodeLayout, type Rect } from "../src/lib/layout";
import type { Platform } from "../src/lib/platform";

export function node(index: number, id: string, name: string, manager: number | null, span = 0): ChartNode {
  return {
    index,
    id,
    name,
    title: span > 0 ? "Manager" : "Engineer",
    team: "Core",
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
    ...overrides,
  };
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

export interface FakeBackend extends Platform {
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
  /** Records a change in the shown scenario (dropping its redo history). */
  record(change: FakeChange): void;
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
      team: p.team,
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
    if (edit.field === "team") person.team = edit.value;
  }
  return nodes;
}

function applyChange(nodes: ChartNode[], change: FakeChange): ChartNode[] {
  if (change.kind === "request") return applyRequest(nodes, change.request);
  if (change.kind === "move") {
    const person = nodes.find((n) => n.id === change.person);
    const manager = nodes.find((n) => n.id === change.to);
    if (!person) return nodes;
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
      { name: "Engineering", quarters: figures, budget: 1_100_000, variance: figures.map((f) => 1_100_000 - f.costTotal) },
      { name: "Sales", quarters: figures, budget: null, variance: figures.map(() => null) },
    ],
    teams: [{ name: "Core", quarters: figures, budget: null, variance: figures.map(() => null) }],
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
  };
}

export function fakePlatform(nodes = smallOrg()): FakeBackend {
  const base = nodes.map((n) => ({ ...n }));
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
    };
  };
  const describe = (c: FakeChange): string => {
    if (c.kind === "move") return `move ${c.person} -> ${c.to ?? "(top)"}`;
    if (c.kind === "remove") return `remove ${c.person}`;
    return c.request.kind;
  };
  const state = (): ScenarioState => {
    const s = backend.scenarioData.get(backend.shown)!;
    return {
      current: dto(backend.shown),
      all: [...backend.scenarioData.keys()].map(dto),
      undoLabel: s.head > 0 ? describe(s.changes[s.head - 1]!) : null,
      redoLabel: s.head < s.changes.length ? describe(s.changes[s.head]!) : null,
    };
  };
  const maybeFail = (method: string): void => {
    backend.calls.push(method);
    const error = backend.failNext.get(method);
    if (error) {
      backend.failNext.delete(method);
      throw error;
    }
  };
  const show = (name: string): ScenarioState => {
    backend.shown = name;
    backend.nodes = materialise(name);
    return state();
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
  const backend: FakeBackend = {
    nodes,
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
    importResult: { people: 4, teams: 2, warnings: [], report: null, keptAs: null },
    failNextMove: null,
    failNext: new Map(),
    scenarioData: new Map([["baseline", { parent: null, changes: [], head: 0 }]]),
    shown: "baseline",
    record(change) {
      const s = backend.scenarioData.get(backend.shown)!;
      s.changes = [...s.changes.slice(0, s.head), change];
      s.head = s.changes.length;
      backend.nodes = materialise(backend.shown);
    },
    async applyChange(request) {
      maybeFail(`applyChange:${request.kind}`);
      if (request.kind === "editPerson" && request.edit.field === "cost" && !/^\d+(\.\d{1,2})?$/.test(request.edit.value)) {
        throw { code: "invalid-input", message: `cost '${request.edit.value}' is not an amount` };
      }
      backend.record({ kind: "request", request });
      return state();
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
      return show(backend.shown);
    },
    async redo() {
      maybeFail("redo");
      const s = backend.scenarioData.get(backend.shown)!;
      if (s.head === s.changes.length) throw { code: "nothing-to-redo", message: "nothing to redo" };
      s.head++;
      return show(backend.shown);
    },
    async scenarioChanges(): Promise<ChangeDto[]> {
      maybeFail("scenarioChanges");
      const s = backend.scenarioData.get(backend.shown)!;
      return s.changes.map((c, i) => ({
        position: i + 1,
        kind: c.kind === "request" ? c.request.kind : c.kind,
        description: describe(c),
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
        return { metric, values, deltas: values.map((v) => v - values[0]!) };
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
      return { path: "/tmp/test.orgraph", name: "test.orgraph", people: backend.nodes.length };
    },
    async chartNodes() {
      backend.calls.push("chartNodes");
      return backend.nodes.map((n) => ({ ...n }));
    },
    async chartDotted() {
      backend.calls.push("chartDotted");
      return new Uint32Array(backend.dotted);
    },
    async chartLayout(collapsed) {
      backend.calls.push(`chartLayout:${collapsed.join(",")}`);
      // Like the Rust layout: people under a collapsed manager are hidden.
      const hidden = (n: ChartNode): boolean => {
        for (let m = n.manager; m !== null; m = backend.nodes[m]?.manager ?? null) {
          if (collapsed.includes(backend.nodes[m]?.id ?? "")) return true;
        }
        return false;
      };
      const all = rects(backend.nodes.length);
      return encodeLayout(backend.nodes.map((n, i) => (hidden(n) ? null : (all[i] ?? null))));
    },
    async metrics() {
      backend.calls.push("metrics");
      // Like the backend: the figures of the scenario on show.
      const managers = managersOf(backend.nodes);
      return metrics({ people: backend.nodes.length, managers, ics: backend.nodes.length - managers });
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
  return backend;
}

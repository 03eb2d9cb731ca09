// A fake Platform for unit tests (no Tauri anywhere), on an org the core
// wrote. The fake keeps scenarios and their changes; every figure it
// answers with (chart nodes, metrics, people table, dashboard, plan,
// staff+ board, comparison) is the real backend's, read from
// tests/backend/ (see backendFixtures.ts). Its
// commands live in fake/, one file per area, over a shared FakeContext.

import type { ChartNode } from "../src/generated";
import type { Rect } from "../src/lib/layout";
import { backendOrg, stateOf, type BackendOrg, type BackendOrgName } from "./backendFixtures";
import { changeCommands } from "./fake/changes";
import { chartCommands } from "./fake/chart";
import { FakeContext, type FakeBackend } from "./fake/context";
import { guidanceCommands } from "./fake/guidance";
import { healthCommands } from "./fake/health";
import { importExportCommands } from "./fake/import";
import { scenarioCommands, scenarioState } from "./fake/scenarios";
import { defaultSettings, fakeWorkspaceSettings } from "./fake/settings";
import { suggestCommands } from "./fake/suggest";
import { workspaceCommands } from "./fake/workspaces";

export { baseTeams, fakeCost, node, type FakeChange, type FakeScenario } from "./fake/changes";
export { type FakeBackend } from "./fake/context";
export { FAKE_COLUMNS, fakeDetection } from "./fake/import";
export { defaultSettings } from "./fake/settings";

/** ceo -> (ann -> bob, cat), dan, all in Core: the backend's `small` org. */
export function smallOrg(): ChartNode[] {
  return stateOf(backendOrg("small"), []).chartNodes;
}

export function rects(count: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 60 }));
}

/**
 * A fake backend on the real backend's answers for the org `name` of
 * tests/backend/: its baseline's chart nodes, and its figures in every
 * state the Rust test wrote.
 */
export function fakeBackend(name: BackendOrgName): FakeBackend {
  return fakePlatform(backendOrg(name));
}

/** A fake backend on the backend's answers for `org` (default: the `small` org). */
export function fakePlatform(org: BackendOrg = backendOrg("small")): FakeBackend {
  const ctx = new FakeContext(org);
  const backend: FakeBackend = {
    nodes: ctx.base.map((n) => ({ ...n })),
    dotted: [],
    calls: [],
    failNextMove: null,
    failNext: new Map(),
    scenarioData: new Map([["baseline", { parent: null, changes: [], head: 0 }]]),
    shown: "baseline",
    exports: [],
    savePath: null,
    detections: [],
    imports: [],
    openPath: null,
    importProgress: [
      { stage: "reading", done: 50, total: 100 },
      { stage: "validating", done: 4, total: 4 },
    ],
    importResult: { people: 4, teams: 2, warnings: [], warning_groups: [], report: null, kept_as: null, conflicts: [] },
    snapshotLog: new Map(),
    dashboardRequests: [],
    workspacePath: "/tmp/test.orgraph",
    files: new Map(),
    recent: ["/tmp/test.orgraph"],
    workspaceOpenPath: null,
    workspaceGuidance: structuredClone(ctx.figures.guidance.workspace),
    record: (change) => ctx.record(change),
    reimport(name) {
      ctx.figures = backendOrg(name);
      ctx.base = stateOf(ctx.figures, []).chartNodes;
      backend.nodes = ctx.materialise(backend.shown);
    },
    ...fakeWorkspaceSettings(
      () => backend,
      () => scenarioState(ctx),
      (method) => ctx.maybeFail(method),
      defaultSettings(),
    ),
    ...workspaceCommands(ctx),
    ...chartCommands(ctx),
    ...changeCommands(ctx),
    ...scenarioCommands(ctx),
    ...importExportCommands(ctx),
    ...healthCommands(ctx),
    ...guidanceCommands(ctx),
    ...suggestCommands(ctx),
  };
  ctx.backend = backend;
  // The seed's snapshot of the baseline.
  ctx.snapshot("seed demo org");
  return backend;
}

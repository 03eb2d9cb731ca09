// What every part of the fake backend shares: the people it started from,
// the backend's written figures, and the scenario bookkeeping each command
// reads. The commands themselves live beside it, one file per area.

import type {
  ChartNode,
  ExportRequest,
  Finding,
  Progress,
  ImportRequest,
  ImportSummary,
  DashboardQuery,
  LayerGuidance,
  Policy,
  SnapshotRow,
} from "../../src/generated";
import type { Platform } from "../../src/lib/platform";
import { canonical, stateOf, type BackendChange, type BackendOrg, type BackendOrgName } from "../backendFixtures";
import { replaySettingsAndTeams, type FakeChange, type FakeScenario } from "./changes";
import { metricsOfShown } from "./chart";
import { describeChange, scenarioState } from "./scenarios";
import { defaultSettings, type FakeWorkspaceSettings } from "./settings";

export interface FakeBackend extends Platform, FakeWorkspaceSettings {
  /** The people of the scenario on show. */
  nodes: ChartNode[];
  /** Dotted lines as flat (manager, report) index pairs. */
  dotted: number[];
  calls: string[];
  /** Error the next move rejects with, as Tauri would hand it over. */
  failNextMove: { code: string; message: string } | null;
  /** Errors the next call of a method rejects with, keyed by method name. */
  failNext: Map<string, { code: string; message: string; findings?: Finding[] }>;
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
  importProgress: Progress[];
  importResult: ImportSummary;
  /** Stored metrics snapshots per scenario, as the backend keeps them. */
  snapshotLog: Map<string, SnapshotRow[]>;
  /** Every dashboard request, in order. */
  dashboardRequests: DashboardQuery[];
  /** Records a change in the shown scenario (dropping its redo history). */
  record(change: FakeChange): void;
  /** A re-import: the baseline becomes the backend's org `name`, every scenario kept. */
  reimport(name: BackendOrgName): void;
  /** The open workspace's file. */
  workspacePath: string;
  /** Other workspace files by path, as the backend's org each holds ("junk": a file that is not a workspace). */
  files: Map<string, BackendOrg | BackendOrgName | "junk">;
  /** Paths opened, most recent first (what recent_workspaces lists). */
  recent: string[];
  /** What the fake Open dialog for a workspace answers (null: cancelled). */
  workspaceOpenPath: string | null;
  /** The workspace's layer guidance (`set_layer_guidance` replaces it). */
  workspaceGuidance: LayerGuidance;
}

export class FakeContext {
  /** The fake these parts make up; set once it is assembled. */
  backend!: FakeBackend;
  /** The baseline's people. */
  base: ChartNode[];
  private snapshotId = 0;

  /** `figures`: the backend's answers for the org of the workspace on show. */
  constructor(public figures: BackendOrg) {
    this.base = stateOf(figures, []).chartNodes;
  }

  /** The people of scenario `name`, as the backend wrote them. */
  materialise(name: string): ChartNode[] {
    return structuredClone(this.answers(name).chartNodes);
  }

  /** The applied changes of scenario `name` as the backend's state lists them. */
  applied(name: string): BackendChange[] {
    const s = this.backend.scenarioData.get(name)!;
    return s.changes.slice(0, s.head).map((c): BackendChange => {
      if (c.kind === "move") return { kind: "move", person: c.person, manager: c.to };
      if (c.kind === "remove") return { kind: "remove-person", person: c.person };
      if (c.kind === "whatIf") return { kind: "saveWhatIf", whatIf: c.whatIf };
      return c.request;
    });
  }

  /**
   * The workspace policy the figures are looked up under (null: the
   * default); undefined when the workspace's ladder changed, which no
   * state was written under.
   */
  private workspacePolicy(): Policy | null | undefined {
    const { policy, ladder } = this.backend.workspaceSettings;
    if (JSON.stringify(ladder) !== JSON.stringify(defaultSettings().ladder)) return undefined;
    return JSON.stringify(policy) === JSON.stringify(defaultSettings().policy) ? null : policy;
  }

  /**
   * The backend's answers for scenario `name` (default: the one on show);
   * throws, naming the state to add to src/ui_fixtures/, where it wrote none.
   */
  answers(name = this.backend.shown) {
    const policy = this.workspacePolicy();
    if (policy === undefined) throw new Error("the backend wrote no figures under a workspace ladder of its own: add the state to src/ui_fixtures/orgs.rs");
    return stateOf(this.figures, this.applied(name), policy, this.layerGuidance());
  }

  /** The layer guidance the figures are looked up under (null: the fresh workspace's). */
  private layerGuidance(): LayerGuidance | null {
    const guidance = this.backend.workspaceGuidance;
    return canonical(guidance) === canonical(this.figures.guidance.workspace) ? null : guidance;
  }

  /** The teams and settings of the scenario on show, its changes replayed. */
  replayed() {
    const s = this.backend.scenarioData.get(this.backend.shown)!;
    return replaySettingsAndTeams(s.changes.slice(0, s.head), this.backend.workspaceSettings);
  }

  /** Records the call; throws the error a test queued for `method`, if any. */
  maybeFail(method: string): void {
    this.backend.calls.push(method);
    const error = this.backend.failNext.get(method);
    if (error) {
      this.backend.failNext.delete(method);
      throw error;
    }
  }

  /** Stores the shown scenario's metrics, as every backend edit does. */
  snapshot(reason: string): void {
    const m = metricsOfShown(this);
    const shown = this.backend.shown;
    const log = this.backend.snapshotLog.get(shown) ?? [];
    const id = ++this.snapshotId;
    log.push({
      id,
      scenario: shown,
      as_of: "2026-11-27",
      taken_at: `2026-11-27T10:${String(id).padStart(2, "0")}:00.000Z`,
      reason,
      view: "current",
      people: m.people,
      managers: m.managers,
      layers: m.layers,
      span_median: m.span.median,
      band_narrow: m.band.narrow,
      band_wide: m.band.wide,
      manager_ic_ratio: m.manager_ic_ratio,
      coverage_ratio: m.coverage.coverage_ratio,
      cost: 0,
    });
    this.backend.snapshotLog.set(shown, log);
  }

  /** Shows scenario `name` and answers with the state the backend would. */
  show(name: string) {
    this.backend.shown = name;
    this.backend.nodes = this.materialise(name);
    return scenarioState(this);
  }

  /** Records `change` in the shown scenario, dropping its redo history. */
  record(change: FakeChange): void {
    const s = this.backend.scenarioData.get(this.backend.shown)!;
    s.changes = [...s.changes.slice(0, s.head), change];
    s.head = s.changes.length;
    this.backend.nodes = this.materialise(this.backend.shown);
    this.snapshot(describeChange(change));
  }
}

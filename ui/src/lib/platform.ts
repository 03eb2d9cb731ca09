// The ONLY module of the UI that talks to Tauri. Everything else receives a
// `Platform` (see `createStore`) so it can be unit-tested with a fake one.

import { Channel, invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { AppError, toAppError } from "./errors";
import { decodeDotted, decodeIndexedNodes, decodeNodes } from "./nodes";
import { commands } from "../generated/commands";
import type {
  Change,
  ChangeLine,
  ChartNode,
  ComparisonView,
  DashboardView,
  DashboardQuery,
  EnteredChange,
  ExportRequest,
  ExportResult,
  Health,
  LayerGuidance,
  ImportReview,
  Progress,
  ImportRequest,
  ImportSummary,
  MetricsSummary,
  PeopleTable,
  PersonDetails,
  ChartPlaceholder,
  PlanView,
  RecentWorkspace,
  ScenarioState,
  BoardView,
  PlacementOptions,
  PlacementSuggestion,
  SpanOptions,
  SpanSuggestion,
  SuggestionRequest,
  WhatIf,
  LadderLevel,
  Policy,
  SettingsOnShow,
  TeamRow,
  SnapshotRow,
  WorkspaceInfo,
} from "../generated";

export interface Platform {
  workspaceInfo(): Promise<WorkspaceInfo>;
  /** Every chart node in index order (decoded from the binary columns). */
  chartNodes(): Promise<ChartNode[]>;
  /** The nodes of `id` and their managers up to the root, with their indices. */
  chartChainNodes(id: string): Promise<ChartNode[]>;
  /** Dotted lines as flat (manager, report) node index pairs. */
  chartDotted(): Promise<Uint32Array>;
  /**
   * Little-endian f32 (x, y, width, height, spine) per node, in node index
   * order, then one per "Not in file" placeholder (`chartPlaceholders`).
   */
  chartLayout(collapsed: readonly string[]): Promise<ArrayBuffer>;
  /** The "Not in file" placeholders of the scenario on show, in layout order. */
  chartPlaceholders(): Promise<ChartPlaceholder[]>;
  /**
   * The managers to collapse so the chart shows as many top layers as fit
   * `width` x `height` screen pixels at `minScale` or larger.
   */
  chartOpenView(width: number, height: number, minScale: number): Promise<string[]>;
  metrics(): Promise<MetricsSummary>;
  personDetails(id: string): Promise<PersonDetails>;
  /**
   * The people table's columns the nodes lack (location, cost, start date,
   * team) in node index order, and the team list. Carries individual costs.
   */
  peopleTable(): Promise<PeopleTable>;
  /** Resolves with the metrics after the move; rejects with an `AppError`. */
  movePerson(personId: string, managerId: string | null): Promise<MetricsSummary>;
  /**
   * Applies one edit (person, team, support, dotted line) to the scenario on
   * show, persisted before it resolves; the chart and metrics must then be
   * fetched again. Rejects with an `AppError` and changes nothing when refused.
   */
  applyChange(request: Change): Promise<ScenarioState>;
  /**
   * Applies one edit whose values are text the user typed (a cost, a date, a
   * new person or team), parsed by the core; as `applyChange` otherwise.
   */
  applyEnteredChange(request: EnteredChange): Promise<ScenarioState>;
  /** Every team of the scenario on show, with size, cost total, staff+ support and size verdict. */
  teams(): Promise<TeamRow[]>;
  /**
   * The policy (band, load, team-size target) and ladder of the scenario on
   * show: the workspace's, or its own where `overrides` says so.
   */
  settings(): Promise<SettingsOnShow>;
  /**
   * Sets the workspace's policy and/or ladder (null keeps it): the baseline
   * and every scenario without its own follow; no change list records it.
   * `policy` is the policy on show as edited: only the targets edited reach
   * the workspace, not a scenario's own ones on show.
   */
  setWorkspaceSettings(policy: Policy | null, levels: LadderLevel[] | null): Promise<ScenarioState>;
  /** The workspace's layer guidance for the `deep-chain` check (the same in every scenario). */
  layerGuidance(): Promise<LayerGuidance>;
  /**
   * Replaces the workspace's layer guidance; the core refuses a bad one as
   * `invalid-input` with its reason, changing nothing. Never a scenario change.
   */
  setLayerGuidance(guidance: LayerGuidance): Promise<LayerGuidance>;

  // Scenarios. Every call that changes what is on show resolves with the new
  // scenario state; the chart and metrics must then be fetched again.
  scenarios(): Promise<ScenarioState>;
  switchScenario(name: string): Promise<ScenarioState>;
  /** Branches `name` from `from` (baseline or a scenario) and shows it. */
  createScenario(name: string, from: string): Promise<ScenarioState>;
  /** Copies `name` as `newName` and shows the copy. */
  duplicateScenario(name: string, newName: string): Promise<ScenarioState>;
  renameScenario(name: string, newName: string): Promise<ScenarioState>;
  deleteScenario(name: string): Promise<ScenarioState>;
  undo(): Promise<ScenarioState>;
  redo(): Promise<ScenarioState>;
  /** Takes change `position` (one that no longer applies) out of the shown scenario. */
  dropChange(position: number): Promise<ScenarioState>;
  /** Points move `position` of the shown scenario at `manager` (null: no manager). */
  retargetMove(position: number, manager: string | null): Promise<ScenarioState>;
  /** The shown scenario's changes: applied ones, then its redo history. */
  scenarioChanges(): Promise<ChangeLine[]>;
  /** Baseline plus `names`, side by side. */
  compareScenarios(names: readonly string[]): Promise<ComparisonView>;
  /** The 8-quarter headcount plan of the shown scenario. */
  headcountPlan(): Promise<PlanView>;
  /**
   * Every aggregate of the dashboard view of the shown scenario, computed in
   * Rust (nothing per person but the capped out-of-band list).
   */
  dashboard(request: DashboardQuery): Promise<DashboardView>;
  /** The shown scenario's stored metrics snapshots, oldest first. */
  snapshots(): Promise<SnapshotRow[]>;
  /** The health findings of the shown scenario, in check order (ids only). */
  health(): Promise<Health>;
  /** Writes the shown scenario to a file (chart or data), atomically. */
  exportFile(request: ExportRequest): Promise<ExportResult>;
  /**
   * The native "Save as" dialog, starting at `defaultPath` and filtering on
   * `extension`; resolves with the chosen path, or null when cancelled.
   */
  chooseSavePath(defaultPath: string, filterName: string, extension: string): Promise<string | null>;

  // Import (the wizard).
  /** What importing the file would read: mapping, manager references, preview. Writes nothing. */
  detectImport(request: ImportRequest): Promise<ImportReview>;
  /**
   * Imports the file as the workspace's baseline, calling `onProgress` as it
   * reads and validates. Rejects with an `AppError` whose `findings` list the
   * located errors and warnings when the file does not validate.
   */
  importPeople(request: ImportRequest, onProgress: (progress: Progress) => void): Promise<ImportSummary>;
  /** The native Open dialog for an HRIS export; null when cancelled. */
  chooseImportFile(): Promise<string | null>;

  // Staff+ placement.
  /** The staff+ board and coverage matrix of the shown scenario, as is or a what-if preview (nothing persisted). */
  staffPlusBoard(whatIf: WhatIf): Promise<BoardView>;
  /** Saves a what-if as a new scenario branched from the shown one, and shows it. */
  saveWhatIf(name: string, whatIf: WhatIf): Promise<ScenarioState>;

  // Suggestions: previews computed by the core, saved only when asked.
  /** The optimal staff+ placement for the shown scenario under `options` (nothing persisted). */
  suggestPlacement(options: PlacementOptions): Promise<PlacementSuggestion>;
  /** The suggested span rebalancing of the shown scenario under `options` (nothing persisted). */
  suggestSpans(options: SpanOptions): Promise<SpanSuggestion>;
  /**
   * Saves a suggestion's changes as a new scenario branched from the shown
   * one, recorded under the reason the core words from `request`, and shows it.
   */
  saveSuggestion(name: string, changes: Change[], request: SuggestionRequest): Promise<ScenarioState>;

  // Workspaces (the File menu). Each switch resolves with the workspace now
  // open; on rejection the open workspace is unchanged.
  /** Creates an empty workspace at `path` (never replacing a file) and opens it. */
  newWorkspace(path: string): Promise<WorkspaceInfo>;
  /** Opens the workspace at `path`: `not-a-workspace` / `corrupt` / `io` when it can't. */
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  /** Copies the open workspace to `path` (one consistent snapshot) and opens the copy. */
  saveWorkspaceAs(path: string): Promise<WorkspaceInfo>;
  /** The last workspaces opened, the open one first. */
  recentWorkspaces(): Promise<RecentWorkspace[]>;
  /** The native Open dialog for a workspace file; null when cancelled. */
  chooseWorkspaceFile(defaultPath: string): Promise<string | null>;
}

/** The extension of workspace files. */
export const WORKSPACE_EXTENSION = "orgraph";

/** The files the import wizard's Open dialog offers. */
export const IMPORT_EXTENSIONS: readonly string[] = ["csv", "tsv", "txt", "xlsx", "xls", "ods"];

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toAppError(error);
  }
}

function toArrayBuffer(value: unknown): ArrayBuffer {
  if (value instanceof ArrayBuffer) return value;
  if (ArrayBuffer.isView(value)) {
    const view = value as ArrayBufferView;
    return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
  }
  // Older IPC paths hand raw bytes over as a plain number array.
  if (Array.isArray(value)) return new Uint8Array(value as number[]).buffer;
  throw new AppError("internal", "the chart data did not come as binary data");
}

/** The typed client generated from the command declarations (`commands.in`). */
const backend = commands(call);

export const tauriPlatform: Platform = {
  workspaceInfo: backend.workspaceInfo,
  chartNodes: async () => decodeNodes(toArrayBuffer(await backend.chartNodes())),
  chartChainNodes: async (id) => decodeIndexedNodes(toArrayBuffer(await backend.chartChainNodes(id))),
  chartDotted: async () => decodeDotted(toArrayBuffer(await backend.chartDotted())),
  chartLayout: async (collapsed) => toArrayBuffer(await backend.chartLayout([...collapsed])),
  chartPlaceholders: backend.chartPlaceholders,
  chartOpenView: backend.chartOpenView,
  metrics: backend.metrics,
  personDetails: backend.personDetails,
  peopleTable: backend.peopleTable,
  movePerson: backend.movePerson,
  applyChange: backend.applyChange,
  applyEnteredChange: backend.applyEnteredChange,
  teams: backend.teams,
  settings: backend.settings,
  setWorkspaceSettings: backend.setWorkspaceSettings,
  layerGuidance: backend.layerGuidance,
  setLayerGuidance: backend.setLayerGuidance,
  scenarios: backend.scenarios,
  switchScenario: backend.switchScenario,
  createScenario: backend.createScenario,
  duplicateScenario: backend.duplicateScenario,
  renameScenario: backend.renameScenario,
  deleteScenario: backend.deleteScenario,
  undo: backend.undo,
  redo: backend.redo,
  dropChange: backend.dropChange,
  retargetMove: backend.retargetMove,
  scenarioChanges: backend.scenarioChanges,
  compareScenarios: (names) => backend.compareScenarios([...names]),
  headcountPlan: backend.headcountPlan,
  dashboard: backend.dashboard,
  snapshots: backend.snapshots,
  health: backend.health,
  exportFile: backend.exportFile,
  chooseSavePath: async (defaultPath, filterName, extension) => {
    try {
      return await save({ defaultPath, filters: [{ name: filterName, extensions: [extension] }] });
    } catch (error) {
      throw toAppError(error);
    }
  },
  detectImport: backend.detectImport,
  importPeople: (request, onProgress) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return backend.importPeople(request, channel);
  },
  staffPlusBoard: backend.staffPlusBoard,
  saveWhatIf: backend.saveWhatIf,
  suggestPlacement: backend.suggestPlacement,
  suggestSpans: backend.suggestSpans,
  saveSuggestion: backend.saveSuggestion,
  chooseImportFile: async () => {
    try {
      const chosen = await open({
        multiple: false,
        directory: false,
        filters: [{ name: "HRIS export (CSV, TSV, spreadsheet)", extensions: [...IMPORT_EXTENSIONS] }],
      });
      return typeof chosen === "string" ? chosen : null;
    } catch (error) {
      throw toAppError(error);
    }
  },
  newWorkspace: backend.newWorkspace,
  openWorkspace: backend.openWorkspace,
  saveWorkspaceAs: backend.saveWorkspaceAs,
  recentWorkspaces: backend.recentWorkspaces,
  chooseWorkspaceFile: async (defaultPath) => {
    try {
      const chosen = await open({
        defaultPath,
        multiple: false,
        directory: false,
        filters: [{ name: "Orgraph workspace", extensions: [WORKSPACE_EXTENSION] }],
      });
      return typeof chosen === "string" ? chosen : null;
    } catch (error) {
      throw toAppError(error);
    }
  },
};

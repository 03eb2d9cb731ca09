// Scenario state and actions: the switcher, undo/redo (buttons and keyboard),
// comparison and the headcount plan. Talks to the backend only through the
// injected `Platform`; after anything that changes what is on show it asks
// the `OrgStore` to reload the chart and metrics.

import type {
  ChangeLine,
  LadderLevel,
  Policy,
  ComparisonView,
  ShownConflict,
  PlanView,
  ListedScenario,
  ScenarioState,
} from "../generated";
import { editsTheOrg, freshScenarioName, type BaselineEditGuard } from "./baselineGuard.svelte";
import { isEntered, type Edit, type EditKind } from "./edits";
import { describeScenarioError, toAppError, type ScenarioAction } from "./errors";
import { orderScenarios } from "./compare";
import type { Platform } from "./platform";
import type { OrgStore, UiError } from "./store.svelte";

export const BASELINE = "baseline";

/** The parts of a KeyboardEvent the shortcuts look at (testable without a DOM). */
export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: unknown;
  preventDefault(): void;
}

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"]);

/** True when keys typed at `target` edit text (their own undo applies there). */
export function isTextEntry(target: unknown): boolean {
  if (typeof target !== "object" || target === null) return false;
  const el = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === "string" ? el.tagName.toUpperCase() : "";
  if (tag === "TEXTAREA") return true;
  if (tag !== "INPUT") return false;
  return !NON_TEXT_INPUTS.has(typeof el.type === "string" ? el.type.toLowerCase() : "text");
}

/** Which history action a key press asks for, if any. */
export function shortcutFor(e: ShortcutEvent): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEntry(e.target)) return null;
  const key = e.key.toLowerCase();
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  if (key === "y" && !e.shiftKey) return "redo";
  return null;
}

/**
 * What must be fetched again after an action: everything, the nodes and
 * metrics (the layout depends only on who reports to whom), the edited
 * person's node and their managers' with the metrics, the metrics alone,
 * or nothing.
 */
type Reload = "org" | "nodes" | "person" | "metrics" | "none";

/** By edit: at 100k people a full reload is most of an edit's time. */
const RELOAD_AFTER: Readonly<Record<EditKind, Reload>> = {
  move: "org",
  "move-alone": "org",
  "add-person": "org",
  "enter-person": "org",
  "remove-person": "org",
  // One person's own fields: only their node and their managers' change.
  "edit-person": "person",
  "enter-value": "person",
  "assign-team": "nodes",
  "create-team": "nodes",
  "enter-team": "nodes",
  "rename-team": "nodes",
  "set-team-kind": "nodes",
  "dissolve-team": "nodes",
  "add-dotted-line": "nodes",
  "remove-dotted-line": "nodes",
  "set-policy": "nodes",
  "set-target": "nodes",
  "set-ladder": "nodes",
  // Support changes coverage only: no node shows it.
  "add-support": "metrics",
  "remove-support": "metrics",
};

export class ScenarioStore {
  state = $state.raw<ScenarioState | null>(null);
  /** The shown scenario's changes; `applied: false` ones can be redone. */
  changes = $state.raw<ChangeLine[]>([]);
  /** The last refused scenario action, worded by code. */
  error = $state.raw<UiError | null>(null);
  busy = $state(false);
  /** Bumped whenever what is on show changed, so open views fetch again. */
  revision = $state(0);

  compareNames = $state.raw<string[]>([]);
  comparison = $state.raw<ComparisonView | null>(null);
  plan = $state.raw<PlanView | null>(null);
  /** Why the compare or plan view could not be loaded. */
  viewError = $state.raw<UiError | null>(null);

  current: ListedScenario | null = $derived(this.state?.current ?? null);
  currentName: string = $derived(this.state?.current.name ?? BASELINE);
  all: ListedScenario[] = $derived(orderScenarios(this.state?.all ?? []));
  canUndo: boolean = $derived(this.state?.current.can_undo ?? false);
  canRedo: boolean = $derived(this.state?.current.can_redo ?? false);
  /** The shown scenario's changes that no longer apply to the baseline (kept, not applied). */
  conflicts: ShownConflict[] = $derived(this.state?.conflicts ?? []);

  /** Asks before the baseline itself is edited; null: never asks. */
  readonly guard: BaselineEditGuard | null;
  readonly #platform: Platform;
  readonly #org: OrgStore;
  #compareToken = 0;
  #planToken = 0;

  constructor(platform: Platform, org: OrgStore, guard: BaselineEditGuard | null = null) {
    this.#platform = platform;
    this.#org = org;
    this.guard = guard;
    // A move adds a change (and drops the redo history): refresh the counts.
    org.onEdit(() => this.load());
    org.beforeEdit = () => this.clearToEdit();
  }

  /**
   * Before an edit of the org: with the baseline on show, asks once per
   * session whether to edit the baseline itself or start a scenario (the
   * default), and starts one from the baseline if so. True when the edit
   * may go ahead on what is now on show.
   */
  async clearToEdit(): Promise<boolean> {
    if (!this.guard || !(this.current?.is_baseline ?? false)) return true;
    const choice = await this.guard.decide();
    if (choice === "cancel") return false;
    if (choice === "baseline") return true;
    return this.create(freshScenarioName(this.all), BASELINE);
  }

  async load(): Promise<void> {
    try {
      await this.refresh();
    } catch (e) {
      this.#fail(e, "load", this.currentName);
    }
  }

  /** Fetches the scenario state and change list (after an edit elsewhere). */
  async refresh(): Promise<void> {
    const [state, changes] = await Promise.all([this.#platform.scenarios(), this.#platform.scenarioChanges()]);
    this.#setState(state);
    this.changes = changes;
    this.revision++;
  }

  /**
   * After a workspace setting nothing else reloads changed (the layer
   * guidance): open views fetch again.
   */
  workspaceChanged(announcement: string): void {
    this.revision++;
    this.#org.announcement = announcement;
  }

  dismissError(): void {
    this.error = null;
  }

  /** After another workspace was opened: its scenarios, nothing of the old one's. */
  async showWorkspace(): Promise<void> {
    this.#compareToken++;
    this.#planToken++;
    this.compareNames = [];
    this.comparison = null;
    this.plan = null;
    this.viewError = null;
    this.error = null;
    await this.load();
  }

  async switchTo(name: string): Promise<boolean> {
    if (name === this.currentName) return true;
    return this.#run("switch", name, () => this.#platform.switchScenario(name), `Showing ${name}.`);
  }

  /**
   * Branches a new scenario from `from` (the baseline unless the user picks
   * another scenario, never silently the one on show) and switches to it.
   */
  async create(name: string, from: string = BASELINE): Promise<boolean> {
    return this.#withName(name, (n) =>
      this.#run("create", n, () => this.#platform.createScenario(n, from), `Created ${n} from ${from}.`),
    );
  }

  /** Copies the scenario on show and switches to the copy. */
  async duplicate(newName: string): Promise<boolean> {
    const from = this.currentName;
    return this.#withName(newName, (n) =>
      this.#run("duplicate", n, () => this.#platform.duplicateScenario(from, n), `Duplicated ${from} as ${n}.`),
    );
  }

  async rename(newName: string): Promise<boolean> {
    const from = this.currentName;
    return this.#withName(newName, (n) =>
      // Renaming changes no people, so the chart need not be fetched again.
      this.#run("rename", n, () => this.#platform.renameScenario(from, n), `Renamed ${from} to ${n}.`, "none"),
    );
  }

  /** Deletes the scenario on show; the backend then shows the baseline. */
  async remove(): Promise<boolean> {
    const name = this.currentName;
    if (this.current?.is_baseline ?? name === BASELINE) {
      this.error = { code: "invalid-input", message: "The baseline can't be deleted." };
      return false;
    }
    return this.#run("delete", name, () => this.#platform.deleteScenario(name), `Deleted ${name}.`);
  }

  /**
   * Applies one edit to the scenario on show (it joins the undo history),
   * then reloads the chart and metrics. `announcement` is read out on success;
   * a refusal is worded into `error` and nothing changes.
   */
  async apply(request: Edit, announcement: string): Promise<boolean> {
    if (editsTheOrg(request.kind) && !(await this.clearToEdit())) return false;
    const reload = RELOAD_AFTER[request.kind];
    const person = request.kind === "edit-person" || request.kind === "enter-value" ? request.person : null;
    const send = () => (isEntered(request) ? this.#platform.applyEnteredChange(request) : this.#platform.applyChange(request));
    return this.#run("edit", this.currentName, send, announcement, reload, person);
  }

  /**
   * Sets the workspace's policy and/or ladder (null keeps it): no change of
   * any scenario, so no baseline guard; every open view fetches again.
   */
  async setWorkspaceSettings(policy: Policy | null, levels: LadderLevel[] | null, announcement: string): Promise<boolean> {
    return this.#run("edit", this.currentName, () => this.#platform.setWorkspaceSettings(policy, levels), announcement, "nodes");
  }

  async undo(): Promise<boolean> {
    if (!this.canUndo) return false;
    const label = this.state?.undo_label;
    return this.#run("undo", this.currentName, () => this.#platform.undo(), label ? `Undid ${label}.` : "Undone.");
  }

  async redo(): Promise<boolean> {
    if (!this.canRedo) return false;
    const label = this.state?.redo_label;
    return this.#run("redo", this.currentName, () => this.#platform.redo(), label ? `Redid ${label}.` : "Redone.");
  }

  /** Takes a change that no longer applies out of the scenario on show. */
  async dropChange(position: number): Promise<boolean> {
    return this.#run("edit", this.currentName, () => this.#platform.dropChange(position), `Dropped change ${position}.`);
  }

  /** Points a move that no longer applies at another manager (null: no manager). */
  async retargetMove(position: number, manager: string | null): Promise<boolean> {
    const to = manager ?? "no manager";
    return this.#run(
      "edit",
      this.currentName,
      () => this.#platform.retargetMove(position, manager),
      `Change ${position} now moves to ${to}.`,
    );
  }

  /**
   * One undo or redo step from a key press. Held-down keys repeat, so a
   * press while a step is running is dropped rather than queued.
   */
  step(action: "undo" | "redo"): void {
    if (!this.busy) void (action === "undo" ? this.undo() : this.redo());
  }

  /** Compares the baseline with `names` (kept as the compare selection). */
  async compare(names: readonly string[] = this.compareNames): Promise<void> {
    this.compareNames = [...names];
    const token = ++this.#compareToken;
    try {
      const comparison = await this.#platform.compareScenarios(names);
      if (token !== this.#compareToken) return;
      this.comparison = comparison;
      this.viewError = null;
    } catch (e) {
      if (token !== this.#compareToken) return;
      const error = toAppError(e);
      this.viewError = { code: error.code, message: `The comparison could not be made: ${error.message}` };
    }
  }

  /** Opening the compare view with nothing chosen compares the scenario on show. */
  async openCompare(): Promise<void> {
    const shown = this.current;
    if (this.compareNames.length === 0 && shown && !shown.is_baseline) return this.compare([shown.name]);
    return this.compare();
  }

  async loadPlan(): Promise<void> {
    const token = ++this.#planToken;
    try {
      const plan = await this.#platform.headcountPlan();
      if (token !== this.#planToken) return;
      this.plan = plan;
      this.viewError = null;
    } catch (e) {
      if (token !== this.#planToken) return;
      const error = toAppError(e);
      this.viewError = { code: error.code, message: `The headcount plan could not be made: ${error.message}` };
    }
  }

  #setState(state: ScenarioState): void {
    this.state = state;
    // Forget compared scenarios that were renamed or deleted.
    const names = new Set(state.all.map((s) => s.name));
    const kept = this.compareNames.filter((n) => names.has(n));
    if (kept.length !== this.compareNames.length) this.compareNames = kept;
  }

  async #withName(raw: string, run: (name: string) => Promise<boolean>): Promise<boolean> {
    const name = raw.trim();
    if (name === "") {
      this.error = { code: "invalid-input", message: "Give the scenario a name." };
      return false;
    }
    return run(name);
  }

  async #run(
    action: ScenarioAction,
    name: string,
    call: () => Promise<ScenarioState>,
    announcement: string,
    reload: Reload = "org",
    person: string | null = null,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      this.#setState(await call());
      const [changes] = await Promise.all([
        this.#platform.scenarioChanges(),
        this.#reloadOrg(reload, person),
      ]);
      this.changes = changes;
      this.revision++;
      this.#org.announcement = announcement;
      return true;
    } catch (e) {
      this.#fail(e, action, name);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #reloadOrg(reload: Reload, person: string | null): Promise<void> {
    switch (reload) {
      case "org":
        return this.#org.reload();
      case "nodes":
        return this.#org.reloadNodes();
      case "person":
        return person === null ? this.#org.reloadNodes() : this.#org.reloadPerson(person);
      case "metrics":
        return this.#org.reloadMetrics();
      case "none":
        return Promise.resolve();
    }
  }

  #fail(e: unknown, action: ScenarioAction, name: string): void {
    const error = toAppError(e);
    this.error = { code: error.code, message: describeScenarioError(error, action, name) };
    this.#org.announcement = this.error.message;
  }
}

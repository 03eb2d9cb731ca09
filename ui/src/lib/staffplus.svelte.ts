// The staff+ view's state: the board on show (as is or a what-if preview)
// and its edits. Edits go through `ScenarioStore.apply`, so they are
// persisted in the scenario, undoable, and reload the chart and metrics;
// a preview is read-only until it is saved as a scenario.

import type { Change, BoardView, WhatIf } from "../generated";
import { toAppError } from "./errors";
import type { Platform } from "./platform";
import type { ScenarioStore } from "./scenarios.svelte";
import type { OrgStore, UiError } from "./store.svelte";
import {
  placeRequest,
  supportIndex,
  supportRequest,
  toggleRequest,
  whatIfChoice,
  whatIfFor,
  whatIfLabel,
  type SupportIndex,
  type WhatIfChoice,
} from "./staffplus";

export class StaffPlusStore {
  whatIf = $state<WhatIf>("as-is");
  /** "Keep supporting their current team" for "every staff+ central": on unless the user unticks it. */
  keepHomeSupport = $state(true);
  board = $state.raw<BoardView | null>(null);
  /** Support by team then engineer, rebuilt once per board. */
  index: SupportIndex = $derived(this.board ? supportIndex(this.board) : new Map());
  error = $state.raw<UiError | null>(null);
  /** A what-if is on show: the board is a preview and cannot be edited. */
  previewing: boolean = $derived(this.whatIf !== "as-is");

  readonly #platform: Platform;
  readonly #scenarios: ScenarioStore;
  readonly #org: OrgStore;
  #token = 0;
  /** The scenario revision the board was loaded for (-1: none yet). */
  #loadedRevision = -1;
  #loadedWhatIf: WhatIf | null = null;
  #inflight: { key: string; done: Promise<void> } | null = null;

  constructor(platform: Platform, scenarios: ScenarioStore, org: OrgStore) {
    this.#platform = platform;
    this.#scenarios = scenarios;
    this.#org = org;
  }

  /** Fetches the board unless it is already that of the scenario's current revision and what-if. */
  sync(): Promise<void> {
    const key = `${this.#scenarios.revision}:${this.whatIf}`;
    if (this.#loadedRevision === this.#scenarios.revision && this.#loadedWhatIf === this.whatIf) return Promise.resolve();
    // The view's effect and an edit's own follow-up may both ask: fetch once.
    if (this.#inflight && this.#inflight.key === key) return this.#inflight.done;
    return this.load();
  }

  load(): Promise<void> {
    const key = `${this.#scenarios.revision}:${this.whatIf}`;
    const done = this.#fetch().finally(() => {
      if (this.#inflight?.done === done) this.#inflight = null;
    });
    this.#inflight = { key, done };
    return done;
  }

  async #fetch(): Promise<void> {
    const token = ++this.#token;
    const revision = this.#scenarios.revision;
    const whatIf = this.whatIf;
    try {
      const board = await this.#platform.staffPlusBoard(whatIf);
      if (token !== this.#token) return;
      this.board = board;
      this.#loadedRevision = revision;
      this.#loadedWhatIf = whatIf;
      this.error = null;
    } catch (e) {
      if (token !== this.#token) return;
      const error = toAppError(e);
      this.error = { code: error.code, message: `The staff+ board could not be loaded: ${error.message}` };
    }
  }

  async setWhatIf(choice: WhatIfChoice): Promise<void> {
    await this.#show(whatIfFor(choice, this.keepHomeSupport));
  }

  /** Ticks or unticks "Keep supporting their current team"; an all-central preview on show follows. */
  async setKeepHomeSupport(keep: boolean): Promise<void> {
    this.keepHomeSupport = keep;
    if (whatIfChoice(this.whatIf) === "all-central") await this.#show(whatIfFor("all-central", keep));
  }

  async #show(whatIf: WhatIf): Promise<void> {
    if (whatIf === this.whatIf) return;
    this.whatIf = whatIf;
    await this.load();
    this.#org.announcement =
      whatIf === "as-is" ? "Showing staff+ placement as it is." : `Previewing: ${whatIfLabel(whatIf)} (not saved).`;
  }

  /** Makes `team` (null: none) the engineer's home team: central in an architecture group, else embedded. */
  async place(engineer: number, team: number | null): Promise<boolean> {
    const board = this.#editable();
    if (!board) return false;
    const request = placeRequest(board, engineer, team);
    if (!request) return false;
    const name = board.engineers[engineer]?.name ?? "";
    const target = team === null ? null : board.teams[team];
    const where =
      target === null || target === undefined
        ? "no home team"
        : target.kind === "architecture"
          ? `central in ${target.name}`
          : `embedded in ${target.name}`;
    return this.#apply(request, `${name} is now ${where}.`);
  }

  /** Toggles the support a matrix cell shows (home-team cells are implicit and stay). */
  async toggle(team: number, engineer: number): Promise<boolean> {
    const board = this.#editable();
    if (!board) return false;
    const request = toggleRequest(board, this.index, team, engineer);
    if (!request) return false;
    const name = board.engineers[engineer]?.name ?? "";
    const teamName = board.teams[team]?.name ?? "";
    const done = request.kind === "add-support" ? `${name} now supports ${teamName}.` : `${name} no longer supports ${teamName}.`;
    return this.#apply(request, done);
  }

  /** A card dropped on a team row: the engineer supports that team. */
  async support(engineer: number, team: number): Promise<boolean> {
    const board = this.#editable();
    if (!board) return false;
    const request = supportRequest(board, this.index, engineer, team);
    if (!request) return false;
    return this.#apply(request, `${board.engineers[engineer]?.name ?? ""} now supports ${board.teams[team]?.name ?? ""}.`);
  }

  /** Saves the previewed what-if as a new scenario branched from the one on show, and shows it. */
  async saveAsScenario(rawName: string): Promise<boolean> {
    const name = rawName.trim();
    if (name === "") {
      this.error = { code: "invalid-input", message: "Give the scenario a name." };
      return false;
    }
    const whatIf = this.whatIf;
    if (whatIf === "as-is") return false;
    try {
      await this.#platform.saveWhatIf(name, whatIf);
    } catch (e) {
      const error = toAppError(e);
      this.error = {
        code: error.code,
        message:
          error.code === "already-exists"
            ? `There is already a scenario called “${name}”. Choose another name.`
            : `The preview could not be saved as a scenario: ${error.message}`,
      };
      return false;
    }
    this.error = null;
    // The saved scenario is on show now: its "as is" is the preview.
    this.whatIf = "as-is";
    await Promise.all([this.#scenarios.refresh(), this.#org.reload()]);
    await this.sync();
    this.#org.announcement = `Saved “${whatIfLabel(whatIf)}” as scenario ${name}, now on show.`;
    return true;
  }

  #editable(): BoardView | null {
    if (this.previewing || this.#scenarios.busy) return null;
    return this.board;
  }

  async #apply(request: Change, announcement: string): Promise<boolean> {
    const done = await this.#scenarios.apply(request, announcement);
    if (done) await this.sync();
    return done;
  }
}

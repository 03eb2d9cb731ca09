// The state of a suggestion panel (Suggest placement on the Staff+ board,
// Suggest rebalancing on the dashboard): the options, the core's preview for
// the scenario on show, saving it as a new scenario, and opening Compare with
// the scenario it started from. A preview persists nothing; saving goes
// through `save_suggestion`, whose step the core words from the options.

import type {
  PlacementOptions,
  PlacementSuggestion,
  SpanOptions,
  SpanSuggestion,
  SuggestedChange,
  SuggestionRequest,
} from "../generated";
import { describeScenarioError, toAppError } from "./errors";
import type { Platform } from "./platform";
import { BASELINE, type ScenarioStore } from "./scenarios.svelte";
import type { OrgStore, UiError } from "./store.svelte";
import {
  compareSelection,
  DEFAULT_PLACEMENT_NAME,
  DEFAULT_PLACEMENT_OPTIONS,
  DEFAULT_SPAN_NAME,
  DEFAULT_SPAN_OPTIONS,
  freeName,
} from "./suggestions";

/** The scenario a suggestion was saved as, and the one it was branched from. */
export interface SavedSuggestion {
  name: string;
  from: string;
}

/** What the two suggestions differ in: how to ask, how to save, how to word it. */
interface SuggestionKind<O, S> {
  defaults: O;
  defaultName: string;
  /** "placement", "rebalancing": the noun of messages. */
  noun: string;
  fetch(platform: Platform, options: O): Promise<S>;
  request(options: O): SuggestionRequest;
}

export class SuggestionStore<O, S extends { changes: SuggestedChange[] }> {
  options: O;
  suggestion = $state.raw<S | null>(null);
  error = $state.raw<UiError | null>(null);
  loading = $state(false);
  saving = $state(false);
  /** Set once saved: the panel then offers Compare instead of the preview. */
  saved = $state.raw<SavedSuggestion | null>(null);
  /** The name "Save as scenario" will use. */
  name = $state("");
  /** The core found nothing to change. */
  empty: boolean = $derived(this.suggestion !== null && this.suggestion.changes.length === 0);

  readonly #kind: SuggestionKind<O, S>;
  readonly #platform: Platform;
  readonly #scenarios: ScenarioStore;
  readonly #org: OrgStore;
  readonly #showCompare: () => void;
  #token = 0;
  /** The scenario revision the suggestion is of (-1: none yet). */
  #revision = -1;

  constructor(kind: SuggestionKind<O, S>, platform: Platform, scenarios: ScenarioStore, org: OrgStore, showCompare: () => void) {
    this.#kind = kind;
    this.options = $state.raw(kind.defaults);
    this.#platform = platform;
    this.#scenarios = scenarios;
    this.#org = org;
    this.#showCompare = showCompare;
  }

  /** Opens the panel afresh: default name, nothing saved, a new preview. */
  async start(): Promise<void> {
    this.saved = null;
    this.error = null;
    this.name = freeName(this.#kind.defaultName, this.#scenarios.all.map((s) => s.name));
    await this.run();
  }

  /** Changes some options and asks the core again. */
  async setOptions(patch: Partial<O>): Promise<void> {
    this.options = { ...this.options, ...patch };
    await this.run();
  }

  /** Asks again if what is on show changed since (not after a save: its outcome stays on show). */
  async sync(): Promise<void> {
    if (this.saved === null && this.#revision !== -1 && this.#revision !== this.#scenarios.revision) await this.run();
  }

  /** Asks the core for the suggestion under the current options; an answer overtaken by a later ask is dropped. */
  async run(): Promise<void> {
    const token = ++this.#token;
    const revision = this.#scenarios.revision;
    this.loading = true;
    try {
      const suggestion = await this.#kind.fetch(this.#platform, this.options);
      if (token !== this.#token) return;
      this.suggestion = suggestion;
      this.#revision = revision;
      this.error = null;
    } catch (e) {
      if (token !== this.#token) return;
      const error = toAppError(e);
      this.suggestion = null;
      this.error = { code: error.code, message: `The ${this.#kind.noun} could not be suggested: ${error.message}` };
    } finally {
      if (token === this.#token) this.loading = false;
    }
  }

  /**
   * Saves the previewed changes as a new scenario branched from the one on
   * show and shows it, as the what-if's "Save as scenario" does.
   */
  async save(rawName: string = this.name): Promise<boolean> {
    const name = rawName.trim();
    const suggestion = this.suggestion;
    if (name === "") {
      this.error = { code: "invalid-input", message: "Give the scenario a name." };
      return false;
    }
    if (!suggestion || suggestion.changes.length === 0 || this.saving) return false;
    const from = this.#scenarios.currentName;
    this.saving = true;
    try {
      const changes = suggestion.changes.map((c) => c.change);
      await this.#platform.saveSuggestion(name, changes, this.#kind.request(this.options));
    } catch (e) {
      const error = toAppError(e);
      this.error = {
        code: error.code,
        message:
          error.code === "already-exists"
            ? describeScenarioError(error, "create", name)
            : `The ${this.#kind.noun} could not be saved as a scenario: ${error.message}`,
      };
      return false;
    } finally {
      this.saving = false;
    }
    this.error = null;
    this.saved = { name, from };
    await Promise.all([this.#scenarios.refresh(), this.#org.reload()]);
    this.#org.announcement = `Saved the suggested ${this.#kind.noun} as scenario ${name}, now on show.`;
    return true;
  }

  /** Opens Compare with the saved scenario beside the one it started from. */
  async compare(): Promise<void> {
    const saved = this.saved;
    if (!saved) return;
    await this.#scenarios.compare(compareSelection(saved.from, saved.name, BASELINE));
    this.#showCompare();
  }

  /** Back to the defaults, nothing on show (the panel closed). */
  reset(): void {
    this.#token++;
    this.options = this.#kind.defaults;
    this.suggestion = null;
    this.saved = null;
    this.error = null;
    this.loading = false;
    this.#revision = -1;
  }
}

export type PlacementSuggestionStore = SuggestionStore<PlacementOptions, PlacementSuggestion>;
export type SpanSuggestionStore = SuggestionStore<SpanOptions, SpanSuggestion>;

export function placementSuggestions(platform: Platform, scenarios: ScenarioStore, org: OrgStore, showCompare: () => void): PlacementSuggestionStore {
  const kind: SuggestionKind<PlacementOptions, PlacementSuggestion> = {
    defaults: DEFAULT_PLACEMENT_OPTIONS,
    defaultName: DEFAULT_PLACEMENT_NAME,
    noun: "placement",
    fetch: (p, options) => p.suggestPlacement(options),
    request: (options) => ({ kind: "placement", options }),
  };
  return new SuggestionStore(kind, platform, scenarios, org, showCompare);
}

export function spanSuggestions(platform: Platform, scenarios: ScenarioStore, org: OrgStore, showCompare: () => void): SpanSuggestionStore {
  const kind: SuggestionKind<SpanOptions, SpanSuggestion> = {
    defaults: DEFAULT_SPAN_OPTIONS,
    defaultName: DEFAULT_SPAN_NAME,
    noun: "rebalancing",
    fetch: (p, options) => p.suggestSpans(options),
    request: (options) => ({ kind: "spans", options }),
  };
  return new SuggestionStore(kind, platform, scenarios, org, showCompare);
}

// Editing the baseline is deliberate: the first edit while the baseline is
// on show asks "Edit the baseline itself, or start a scenario?", with
// starting a scenario as the default. Choosing the baseline holds for the
// rest of the window's session (kept in sessionStorage, so a reload does
// not ask again but a new window does); starting a scenario asks again the
// next time the baseline is edited. The store decides when to ask; this
// module holds the question and the answer, without a DOM.

import type { ListedScenario } from "../generated";
import type { EditKind } from "./edits";

/** What the user answered: start a scenario (the default), edit the baseline, or neither. */
export type BaselineChoice = "scenario" | "baseline" | "cancel";

/** The sessionStorage key holding the decision to edit the baseline itself. */
export const BASELINE_EDITS_KEY = "orgraph.baselineEdits";
const ALLOWED = "allowed";

/** The part of `Storage` the guard uses (absent: nothing is remembered beyond the guard). */
export type DecisionStorage = Pick<Storage, "getItem" | "setItem">;

/**
 * Edits of the workspace's settings, not of the org: the targets and the
 * ladder apply to every scenario, so they are no reason to branch one.
 */
const SETTINGS: ReadonlySet<EditKind> = new Set(["set-policy", "set-target", "set-ladder"]);

/** Whether a request changes the org (people, teams, lines), not the settings. */
export function editsTheOrg(kind: EditKind): boolean {
  return !SETTINGS.has(kind);
}

/** A name for a scenario started from an edit: "Scenario 1", or the next number free. */
export function freshScenarioName(all: readonly Pick<ListedScenario, "name">[]): string {
  const taken = new Set(all.map((s) => s.name));
  let n = 1;
  while (taken.has(`Scenario ${n}`)) n++;
  return `Scenario ${n}`;
}

export class BaselineEditGuard {
  /** True while the question is on show. */
  asking = $state(false);
  readonly #storage: DecisionStorage | null;
  #baselineAllowed = false;
  #answer: ((choice: BaselineChoice) => void) | null = null;

  constructor(storage: DecisionStorage | null) {
    this.#storage = storage;
  }

  /** Whether the user chose, this session, to edit the baseline itself. */
  get baselineAllowed(): boolean {
    return this.#baselineAllowed || this.#storage?.getItem(BASELINE_EDITS_KEY) === ALLOWED;
  }

  /**
   * What to do with an edit of the baseline: "baseline" at once if already
   * decided; otherwise asks and waits for the answer. A second edit while
   * the question is open is cancelled rather than queued.
   */
  async decide(): Promise<BaselineChoice> {
    if (this.baselineAllowed) return "baseline";
    if (this.#answer) return "cancel";
    this.asking = true;
    const choice = await new Promise<BaselineChoice>((resolve) => (this.#answer = resolve));
    if (choice === "baseline") {
      this.#baselineAllowed = true;
      this.#storage?.setItem(BASELINE_EDITS_KEY, ALLOWED);
    }
    return choice;
  }

  /** The user's answer to the open question (ignored when none is open). */
  answer(choice: BaselineChoice): void {
    const resolve = this.#answer;
    if (!resolve) return;
    this.#answer = null;
    this.asking = false;
    resolve(choice);
  }
}

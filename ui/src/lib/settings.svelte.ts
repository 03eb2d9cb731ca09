// The Settings dialog: the span band, max staff+ load, team-size target and
// career ladder. A draft is edited as text, checked here (so a bad value is
// explained before anything is sent), and saved, by default, as the
// workspace's settings: the baseline and every scenario follow, and no
// change list records them. With a scenario on show the user may choose "In
// this scenario only" instead: then each target that changed (band, team
// size, max load) is a `set-target` change and the ladder a `set-ladder` one,
// through `ScenarioStore.apply`: undoable, Compare marks the metrics they
// change, and the targets left alone keep following the workspace.
// The layer guidance of the `deep-chain` health check is the workspace's
// whatever the scope (`set_layer_guidance`, never a scenario change), and
// the core alone judges it: a refusal shows the core's reason beside it.

import type { LadderLevel, LayerGuidance, Policy, SettingsOnShow, Target, Track } from "../generated";
import { toAppError } from "./errors";
import { addGuidanceStep, guidanceDraftOf, readGuidanceDraft, removeGuidanceStep, sameGuidance, type GuidanceDraft } from "./layerGuidance";
import type { Platform } from "./platform";
import type { ScenarioStore } from "./scenarios.svelte";
import type { UiError } from "./store.svelte";

/** The policy's fields; `testid` names each field's input and "own" mark. */
export const POLICY_FIELDS: ReadonlyArray<{ key: keyof Policy; testid: string; label: string }> = [
  { key: "band_min", testid: "bandMin", label: "Span band, minimum reports" },
  { key: "band_max", testid: "bandMax", label: "Span band, maximum reports" },
  { key: "max_load", testid: "maxLoad", label: "Max teams a staff+ engineer supports" },
  { key: "team_min", testid: "teamMin", label: "Team size target, minimum" },
  { key: "team_max", testid: "teamMax", label: "Team size target, maximum" },
];

export interface LevelDraft {
  code: string;
  track: Track;
  rank: string;
  staffPlus: boolean;
}

export interface SettingsDraft {
  policy: Record<keyof Policy, string>;
  ladder: LevelDraft[];
}

export function draftOf(settings: SettingsOnShow): SettingsDraft {
  const p = settings.policy;
  return {
    policy: {
      band_min: String(p.band_min),
      band_max: String(p.band_max),
      max_load: String(p.max_load),
      team_min: String(p.team_min),
      team_max: String(p.team_max),
    },
    ladder: settings.ladder.map((l) => ({ code: l.code, track: l.track, rank: String(l.rank), staffPlus: l.staff_plus })),
  };
}

function wholeNumber(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= max ? value : null;
}

export type Checked = { ok: true; settings: Pick<SettingsOnShow, "policy" | "ladder"> } | { ok: false; message: string };

/** The settings a draft describes, or the first reason it can't be used. */
export function checkDraft(draft: SettingsDraft): Checked {
  const numbers: Partial<Policy> = {};
  for (const field of POLICY_FIELDS) {
    const value = wholeNumber(draft.policy[field.key], 100_000);
    if (value === null) return { ok: false, message: `${field.label} must be a whole number of at least 1.` };
    numbers[field.key] = value;
  }
  const policy = numbers as Policy;
  if (policy.band_min > policy.band_max) {
    return { ok: false, message: `The span band's minimum (${policy.band_min}) is above its maximum (${policy.band_max}).` };
  }
  if (policy.team_min > policy.team_max) {
    return { ok: false, message: `The team size target's minimum (${policy.team_min}) is above its maximum (${policy.team_max}).` };
  }
  if (draft.ladder.length === 0) return { ok: false, message: "The career ladder needs at least one level." };
  const seen = new Set<string>();
  const ladder: LadderLevel[] = [];
  for (const [i, level] of draft.ladder.entries()) {
    const code = level.code.trim();
    if (code === "") return { ok: false, message: `Level ${i + 1} of the ladder has no code.` };
    const key = code.toUpperCase();
    if (seen.has(key)) return { ok: false, message: `The level code “${code}” is in the ladder twice.` };
    seen.add(key);
    const rank = wholeNumber(level.rank, 255);
    if (rank === null) return { ok: false, message: `The rank of ${code} must be a whole number from 1 to 255.` };
    ladder.push({ code, track: level.track, rank, staff_plus: level.staffPlus });
  }
  return { ok: true, settings: { policy, ladder } };
}

function samePolicy(a: Policy, b: Policy): boolean {
  return (Object.keys(a) as (keyof Policy)[]).every((k) => a[k] === b[k]);
}

/** The targets on which `next` differs from `saved`: band, team size, max load. */
export function changedTargets(saved: Policy, next: Policy): Target[] {
  const targets: Target[] = [];
  if (saved.band_min !== next.band_min || saved.band_max !== next.band_max) {
    targets.push({ setting: "band", min: next.band_min, max: next.band_max });
  }
  if (saved.team_min !== next.team_min || saved.team_max !== next.team_max) {
    targets.push({ setting: "team-size", min: next.team_min, max: next.team_max });
  }
  if (saved.max_load !== next.max_load) targets.push({ setting: "max-load", max_load: next.max_load });
  return targets;
}

const TARGET_WORDS: Record<Target["setting"], string> = {
  band: "span band",
  "team-size": "team size target",
  "max-load": "max load",
};

function sameLadder(a: readonly LadderLevel[], b: readonly LadderLevel[]): boolean {
  return (
    a.length === b.length &&
    a.every((l, i) => {
      const o = b[i]!;
      return l.code === o.code && l.track === o.track && l.rank === o.rank && l.staff_plus === o.staff_plus;
    })
  );
}

/** Where saved settings go: the whole workspace, or the scenario on show only. */
export type SettingsScope = "workspace" | "scenario";

/** What a save will do, said before Save is pressed. */
export function scopeHelp(scope: SettingsScope, settings: SettingsOnShow | null, scenario: string, onBaseline: boolean): string {
  if (scope === "scenario") {
    return `Saved as changes of “${scenario}” only, one per setting you change: the others keep following the workspace. Undo puts them back, and Compare marks the metrics they change.`;
  }
  const base = "Saved for the whole workspace: the baseline and every scenario use them; no scenario's changes record them.";
  const own = settings === null ? "" : ownWords(settings);
  if (own === "") return base;
  const where = onBaseline ? "The baseline" : `“${scenario}”`;
  return `${base} ${where} keeps the ${own} it set for itself until that change is undone.`;
}

/** e.g. "span band and ladder"; empty when the scenario sets none of its own. */
export function ownWords(settings: SettingsOnShow): string {
  const own = settings.overrides;
  const words = [
    own.band && TARGET_WORDS.band,
    own.team_size && TARGET_WORDS["team-size"],
    own.max_load && TARGET_WORDS["max-load"],
    own.ladder && "ladder",
  ].filter((w): w is string => typeof w === "string");
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Which of the dialog's fields the scenario on show sets for itself. */
export function ownField(settings: SettingsOnShow | null, key: keyof Policy): boolean {
  if (settings === null) return false;
  const own = settings.overrides;
  if (key === "band_min" || key === "band_max") return own.band;
  if (key === "team_min" || key === "team_max") return own.team_size;
  return own.max_load;
}

function applyTarget(policy: Policy, target: Target): Policy {
  switch (target.setting) {
    case "band":
      return { ...policy, band_min: target.min, band_max: target.max };
    case "team-size":
      return { ...policy, team_min: target.min, team_max: target.max };
    case "max-load":
      return { ...policy, max_load: target.max_load };
  }
}

function ownFlag(overrides: SettingsOnShow["overrides"], target: Target): SettingsOnShow["overrides"] {
  switch (target.setting) {
    case "band":
      return { ...overrides, band: true };
    case "team-size":
      return { ...overrides, team_size: true };
    case "max-load":
      return { ...overrides, max_load: true };
  }
}

export class SettingsStore {
  /** The settings of the scenario on show, as last fetched. */
  saved = $state.raw<SettingsOnShow | null>(null);
  draft = $state<SettingsDraft | null>(null);
  error = $state.raw<UiError | null>(null);
  busy = $state(false);
  /** The workspace by default; a scenario's own settings only when asked. */
  scope = $state<SettingsScope>("workspace");
  /** The workspace's layer guidance, as last fetched or saved. */
  savedGuidance = $state.raw<LayerGuidance | null>(null);
  guidance = $state<GuidanceDraft | null>(null);
  /** Why the layer guidance was not saved (the core's reason), shown beside it. */
  guidanceError = $state.raw<UiError | null>(null);

  readonly #platform: Platform;
  readonly #scenarios: ScenarioStore;

  constructor(platform: Platform, scenarios: ScenarioStore) {
    this.#platform = platform;
    this.#scenarios = scenarios;
  }

  async load(): Promise<void> {
    try {
      const [saved, guidance] = await Promise.all([this.#platform.settings(), this.#platform.layerGuidance()]);
      this.saved = saved;
      this.savedGuidance = guidance;
      this.guidance = guidanceDraftOf(guidance);
      this.draft = draftOf(saved);
      this.error = null;
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: `The settings could not be loaded: ${error.message}` };
    }
  }

  addLevel(): void {
    if (!this.draft) return;
    const last = this.draft.ladder[this.draft.ladder.length - 1];
    const rank = last ? String((Number(last.rank) || 0) + 1) : "1";
    this.draft.ladder.push({ code: "", track: last?.track ?? "ic", rank, staffPlus: false });
  }

  removeLevel(index: number): void {
    this.draft?.ladder.splice(index, 1);
  }

  addGuidanceStep(): void {
    if (this.guidance) addGuidanceStep(this.guidance);
  }

  removeGuidanceStep(index: number): void {
    if (this.guidance) removeGuidanceStep(this.guidance, index);
  }

  /** Whether "In this scenario only" can be chosen: not with the baseline on show. */
  get offersScope(): boolean {
    return !(this.#scenarios.current?.is_baseline ?? true);
  }

  /**
   * Checks the draft and saves what changed, to the workspace (one call) or,
   * when asked and a scenario is on show, as that scenario's changes (one
   * per changed target and one for the ladder, each an undo step). Resolves true
   * when everything was saved; on a refusal nothing more is sent.
   */
  async save(): Promise<boolean> {
    if (!this.draft || !this.saved || !this.guidance || !this.savedGuidance || this.busy) return false;
    const checked = checkDraft(this.draft);
    if (!checked.ok) {
      this.error = { code: "invalid-input", message: checked.message };
      return false;
    }
    const read = readGuidanceDraft(this.guidance);
    if (!read.ok) {
      this.guidanceError = { code: "invalid-input", message: read.message };
      return false;
    }
    const next = checked.settings;
    const policy = samePolicy(next.policy, this.saved.policy) ? null : next.policy;
    const ladder = sameLadder(next.ladder, this.saved.ladder) ? null : next.ladder;
    const guidance = sameGuidance(read.guidance, this.savedGuidance) ? null : read.guidance;
    if (policy === null && ladder === null && guidance === null) return true;
    this.busy = true;
    this.error = null;
    this.guidanceError = null;
    try {
      // First, so a guidance the core refuses leaves everything unsaved.
      if (guidance && !(await this.#saveGuidance(guidance))) return false;
      if (policy === null && ladder === null) return true;
      const saved =
        this.scope === "scenario" && this.offersScope
          ? await this.#saveInScenario(policy, ladder)
          : // The core takes only the edited targets into the workspace's policy.
            await this.#scenarios.setWorkspaceSettings(policy, ladder, "Saved the settings for the workspace.");
      if (!saved) return this.#refused();
      this.saved = { ...this.saved, policy: next.policy, ladder: next.ladder };
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** Saves the workspace's layer guidance; the Health panel then fetches its findings again. */
  async #saveGuidance(guidance: LayerGuidance): Promise<boolean> {
    try {
      this.savedGuidance = await this.#platform.setLayerGuidance(guidance);
    } catch (e) {
      const error = toAppError(e);
      this.guidanceError = { code: error.code, message: error.message };
      return false;
    }
    this.#scenarios.workspaceChanged("Saved the layer guidance for the workspace.");
    return true;
  }

  async #saveInScenario(policy: Policy | null, ladder: LadderLevel[] | null): Promise<boolean> {
    const scenario = this.#scenarios.currentName;
    for (const target of policy && this.saved ? changedTargets(this.saved.policy, policy) : []) {
      const words = TARGET_WORDS[target.setting];
      if (!(await this.#scenarios.apply({ kind: "set-target", target }, `Saved the ${words} in ${scenario} only.`))) {
        return false;
      }
      if (this.saved) {
        this.saved = { ...this.saved, policy: applyTarget(this.saved.policy, target), overrides: ownFlag(this.saved.overrides, target) };
      }
    }
    if (ladder && !(await this.#scenarios.apply({ kind: "set-ladder", ladder }, `Saved the career ladder in ${scenario} only.`))) {
      return false;
    }
    return true;
  }

  #refused(): false {
    this.error = this.#scenarios.error ?? { code: "internal", message: "The settings were not saved." };
    this.#scenarios.dismissError();
    return false;
  }
}

// The Settings dialog: the span band, max staff+ load, team-size target and
// career ladder. A draft is edited as text, checked here (so a bad value is
// explained before anything is sent), and saved, by default, as the
// workspace's settings: the baseline and every scenario follow, and no
// change list records them. With a scenario on show the user may choose "In
// this scenario only" instead: then each target that changed (band, team
// size, max load) is a `setTarget` change and the ladder a `setLadder` one,
// through `ScenarioStore.apply`: undoable, Compare marks the metrics they
// change, and the targets left alone keep following the workspace.

import type { LadderLevelDto, PolicyDto, SettingsDto, TargetDto, TrackDto } from "../generated";
import { toAppError } from "./errors";
import type { Platform } from "./platform";
import type { ScenarioStore } from "./scenarios.svelte";
import type { UiError } from "./store.svelte";

export const POLICY_FIELDS: ReadonlyArray<{ key: keyof PolicyDto; label: string }> = [
  { key: "bandMin", label: "Span band, minimum reports" },
  { key: "bandMax", label: "Span band, maximum reports" },
  { key: "maxLoad", label: "Max teams a staff+ engineer supports" },
  { key: "teamMin", label: "Team size target, minimum" },
  { key: "teamMax", label: "Team size target, maximum" },
];

export interface LevelDraft {
  code: string;
  track: TrackDto;
  rank: string;
  staffPlus: boolean;
}

export interface SettingsDraft {
  policy: Record<keyof PolicyDto, string>;
  ladder: LevelDraft[];
}

export function draftOf(settings: SettingsDto): SettingsDraft {
  const p = settings.policy;
  return {
    policy: {
      bandMin: String(p.bandMin),
      bandMax: String(p.bandMax),
      maxLoad: String(p.maxLoad),
      teamMin: String(p.teamMin),
      teamMax: String(p.teamMax),
    },
    ladder: settings.ladder.map((l) => ({ code: l.code, track: l.track, rank: String(l.rank), staffPlus: l.staffPlus })),
  };
}

function wholeNumber(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= max ? value : null;
}

export type Checked = { ok: true; settings: Pick<SettingsDto, "policy" | "ladder"> } | { ok: false; message: string };

/** The settings a draft describes, or the first reason it can't be used. */
export function checkDraft(draft: SettingsDraft): Checked {
  const numbers: Partial<PolicyDto> = {};
  for (const field of POLICY_FIELDS) {
    const value = wholeNumber(draft.policy[field.key], 100_000);
    if (value === null) return { ok: false, message: `${field.label} must be a whole number of at least 1.` };
    numbers[field.key] = value;
  }
  const policy = numbers as PolicyDto;
  if (policy.bandMin > policy.bandMax) {
    return { ok: false, message: `The span band's minimum (${policy.bandMin}) is above its maximum (${policy.bandMax}).` };
  }
  if (policy.teamMin > policy.teamMax) {
    return { ok: false, message: `The team size target's minimum (${policy.teamMin}) is above its maximum (${policy.teamMax}).` };
  }
  if (draft.ladder.length === 0) return { ok: false, message: "The career ladder needs at least one level." };
  const seen = new Set<string>();
  const ladder: LadderLevelDto[] = [];
  for (const [i, level] of draft.ladder.entries()) {
    const code = level.code.trim();
    if (code === "") return { ok: false, message: `Level ${i + 1} of the ladder has no code.` };
    const key = code.toUpperCase();
    if (seen.has(key)) return { ok: false, message: `The level code “${code}” is in the ladder twice.` };
    seen.add(key);
    const rank = wholeNumber(level.rank, 255);
    if (rank === null) return { ok: false, message: `The rank of ${code} must be a whole number from 1 to 255.` };
    ladder.push({ code, track: level.track, rank, staffPlus: level.staffPlus });
  }
  return { ok: true, settings: { policy, ladder } };
}

function samePolicy(a: PolicyDto, b: PolicyDto): boolean {
  return (Object.keys(a) as (keyof PolicyDto)[]).every((k) => a[k] === b[k]);
}

/** The targets on which `next` differs from `saved`: band, team size, max load. */
export function changedTargets(saved: PolicyDto, next: PolicyDto): TargetDto[] {
  const targets: TargetDto[] = [];
  if (saved.bandMin !== next.bandMin || saved.bandMax !== next.bandMax) {
    targets.push({ setting: "band", min: next.bandMin, max: next.bandMax });
  }
  if (saved.teamMin !== next.teamMin || saved.teamMax !== next.teamMax) {
    targets.push({ setting: "teamSize", min: next.teamMin, max: next.teamMax });
  }
  if (saved.maxLoad !== next.maxLoad) targets.push({ setting: "maxLoad", maxLoad: next.maxLoad });
  return targets;
}

const TARGET_WORDS: Record<TargetDto["setting"], string> = {
  band: "span band",
  teamSize: "team size target",
  maxLoad: "max load",
};

function sameLadder(a: readonly LadderLevelDto[], b: readonly LadderLevelDto[]): boolean {
  return (
    a.length === b.length &&
    a.every((l, i) => {
      const o = b[i]!;
      return l.code === o.code && l.track === o.track && l.rank === o.rank && l.staffPlus === o.staffPlus;
    })
  );
}

/** Where saved settings go: the whole workspace, or the scenario on show only. */
export type SettingsScope = "workspace" | "scenario";

/** What a save will do, said before Save is pressed. */
export function scopeHelp(scope: SettingsScope, settings: SettingsDto | null, scenario: string, onBaseline: boolean): string {
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
export function ownWords(settings: SettingsDto): string {
  const words = [
    settings.ownBand && TARGET_WORDS.band,
    settings.ownTeamSize && TARGET_WORDS.teamSize,
    settings.ownMaxLoad && TARGET_WORDS.maxLoad,
    settings.ownLadder && "ladder",
  ].filter((w): w is string => typeof w === "string");
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Which of the dialog's fields the scenario on show sets for itself. */
export function ownField(settings: SettingsDto | null, key: keyof PolicyDto): boolean {
  if (settings === null) return false;
  if (key === "bandMin" || key === "bandMax") return settings.ownBand;
  if (key === "teamMin" || key === "teamMax") return settings.ownTeamSize;
  return settings.ownMaxLoad;
}

function applyTarget(policy: PolicyDto, target: TargetDto): PolicyDto {
  switch (target.setting) {
    case "band":
      return { ...policy, bandMin: target.min, bandMax: target.max };
    case "teamSize":
      return { ...policy, teamMin: target.min, teamMax: target.max };
    case "maxLoad":
      return { ...policy, maxLoad: target.maxLoad };
  }
}

/**
 * The workspace's policy with the targets the user changed from what the
 * dialog showed: a scenario's own targets, shown in the dialog, are not
 * copied into the workspace by a save of something else.
 */
export function workspacePolicy(saved: SettingsDto, next: PolicyDto): PolicyDto {
  return changedTargets(saved.policy, next).reduce(applyTarget, saved.workspacePolicy);
}

function ownFlag(target: TargetDto): Partial<SettingsDto> {
  switch (target.setting) {
    case "band":
      return { ownBand: true };
    case "teamSize":
      return { ownTeamSize: true };
    case "maxLoad":
      return { ownMaxLoad: true };
  }
}

export class SettingsStore {
  /** The settings of the scenario on show, as last fetched. */
  saved = $state.raw<SettingsDto | null>(null);
  draft = $state<SettingsDraft | null>(null);
  error = $state.raw<UiError | null>(null);
  busy = $state(false);
  /** The workspace by default; a scenario's own settings only when asked. */
  scope = $state<SettingsScope>("workspace");

  readonly #platform: Platform;
  readonly #scenarios: ScenarioStore;

  constructor(platform: Platform, scenarios: ScenarioStore) {
    this.#platform = platform;
    this.#scenarios = scenarios;
  }

  async load(): Promise<void> {
    try {
      this.saved = await this.#platform.settings();
      this.draft = draftOf(this.saved);
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
    if (!this.draft || !this.saved || this.busy) return false;
    const checked = checkDraft(this.draft);
    if (!checked.ok) {
      this.error = { code: "invalid-input", message: checked.message };
      return false;
    }
    const next = checked.settings;
    const policy = samePolicy(next.policy, this.saved.policy) ? null : next.policy;
    const ladder = sameLadder(next.ladder, this.saved.ladder) ? null : next.ladder;
    if (policy === null && ladder === null) return true;
    this.busy = true;
    this.error = null;
    try {
      const saved =
        this.scope === "scenario" && this.offersScope
          ? await this.#saveInScenario(policy, ladder)
          : await this.#scenarios.setWorkspaceSettings(
              policy && workspacePolicy(this.saved, policy),
              ladder,
              "Saved the settings for the workspace.",
            );
      if (!saved) return this.#refused();
      this.saved = { ...this.saved, policy: next.policy, ladder: next.ladder };
      return true;
    } finally {
      this.busy = false;
    }
  }

  async #saveInScenario(policy: PolicyDto | null, ladder: LadderLevelDto[] | null): Promise<boolean> {
    const scenario = this.#scenarios.currentName;
    for (const target of policy && this.saved ? changedTargets(this.saved.policy, policy) : []) {
      const words = TARGET_WORDS[target.setting];
      if (!(await this.#scenarios.apply({ kind: "setTarget", target }, `Saved the ${words} in ${scenario} only.`))) {
        return false;
      }
      if (this.saved) this.saved = { ...this.saved, policy: applyTarget(this.saved.policy, target), ...ownFlag(target) };
    }
    if (ladder && !(await this.#scenarios.apply({ kind: "setLadder", levels: ladder }, `Saved the career ladder in ${scenario} only.`))) {
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

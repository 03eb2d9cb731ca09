// The Settings dialog: the span band, max staff+ load, team-size target and
// career ladder of the scenario on show. A draft is edited as text, checked
// here (so a bad value is explained before anything is sent), and saved as
// `setPolicy` / `setLadder` changes through `ScenarioStore.apply`: undoable
// and different per scenario, like any other edit.

import type { LadderLevelDto, PolicyDto, SettingsDto, TrackDto } from "../generated";
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

export type Checked = { ok: true; settings: SettingsDto } | { ok: false; message: string };

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

function sameLadder(a: readonly LadderLevelDto[], b: readonly LadderLevelDto[]): boolean {
  return (
    a.length === b.length &&
    a.every((l, i) => {
      const o = b[i]!;
      return l.code === o.code && l.track === o.track && l.rank === o.rank && l.staffPlus === o.staffPlus;
    })
  );
}

export class SettingsStore {
  /** The settings of the scenario on show, as last fetched. */
  saved = $state.raw<SettingsDto | null>(null);
  draft = $state<SettingsDraft | null>(null);
  error = $state.raw<UiError | null>(null);
  busy = $state(false);

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

  /**
   * Checks the draft and applies what changed: the policy and the ladder are
   * one change each (so a save that touches both is two undo steps). Resolves
   * true when everything was saved; on a refusal nothing more is sent.
   */
  async save(): Promise<boolean> {
    if (!this.draft || !this.saved || this.busy) return false;
    const checked = checkDraft(this.draft);
    if (!checked.ok) {
      this.error = { code: "invalid-input", message: checked.message };
      return false;
    }
    this.busy = true;
    this.error = null;
    try {
      const next = checked.settings;
      if (!samePolicy(next.policy, this.saved.policy)) {
        if (!(await this.#scenarios.apply({ kind: "setPolicy", policy: next.policy }, "Saved the targets."))) {
          return this.#refused();
        }
        this.saved = { ...this.saved, policy: next.policy };
      }
      if (!sameLadder(next.ladder, this.saved.ladder)) {
        if (!(await this.#scenarios.apply({ kind: "setLadder", levels: next.ladder }, "Saved the career ladder."))) {
          return this.#refused();
        }
      }
      this.saved = next;
      return true;
    } finally {
      this.busy = false;
    }
  }

  #refused(): false {
    this.error = this.#scenarios.error ?? { code: "internal", message: "The settings were not saved." };
    this.#scenarios.dismissError();
    return false;
  }
}

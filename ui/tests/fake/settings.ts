// The fake backend's workspace settings: what every scenario's settings
// start from before its own `set-target` / `set-policy` / `set-ladder` changes, set (as the
// core does) without recording a change in any scenario.

import type { LadderLevel, Policy, ScenarioState, SettingsOnShow, Target } from "../../src/generated";
import type { Platform } from "../../src/lib/platform";

export interface FakeWorkspaceSettings {
  /** The workspace's settings (its `overrides` always false). */
  workspaceSettings: SettingsOnShow;
  setWorkspaceSettings(policy: Policy | null, levels: LadderLevel[] | null): Promise<ScenarioState>;
}

/** As `SettingsOnShow::workspace_policy_after`: the edited targets on the workspace's own policy. */
function workspacePolicyAfter(shown: SettingsOnShow, edited: Policy): Policy {
  const targets: Target[] = [];
  if (shown.policy.band_min !== edited.band_min || shown.policy.band_max !== edited.band_max) {
    targets.push({ setting: "band", min: edited.band_min, max: edited.band_max });
  }
  if (shown.policy.team_min !== edited.team_min || shown.policy.team_max !== edited.team_max) {
    targets.push({ setting: "team-size", min: edited.team_min, max: edited.team_max });
  }
  if (shown.policy.max_load !== edited.max_load) targets.push({ setting: "max-load", max_load: edited.max_load });
  return targets.reduce((p, t): Policy => {
    switch (t.setting) {
      case "band":
        return { ...p, band_min: t.min, band_max: t.max };
      case "team-size":
        return { ...p, team_min: t.min, team_max: t.max };
      case "max-load":
        return { ...p, max_load: t.max_load };
    }
  }, shown.workspace_policy);
}

export function fakeWorkspaceSettings(
  backend: () => FakeWorkspaceSettings & Pick<Platform, "settings">,
  state: () => ScenarioState,
  maybeFail: (method: string) => void,
  initial: SettingsOnShow,
): FakeWorkspaceSettings {
  return {
    workspaceSettings: initial,
    async setWorkspaceSettings(policy, levels) {
      maybeFail("setWorkspaceSettings");
      const refuse = (message: string) => {
        throw { code: "invalid-input", message };
      };
      if (policy && (policy.band_min < 1 || policy.band_min > policy.band_max || policy.team_min < 1 || policy.team_min > policy.team_max)) {
        refuse("the range is not valid");
      }
      if (levels && levels.length === 0) refuse("a ladder needs at least one level");
      const b = backend();
      const nextPolicy = policy ? workspacePolicyAfter(await b.settings(), policy) : b.workspaceSettings.policy;
      const next = { ...b.workspaceSettings, policy: nextPolicy, workspace_policy: nextPolicy, ladder: levels ?? b.workspaceSettings.ladder };
      if (JSON.stringify(next) === JSON.stringify(b.workspaceSettings)) refuse("the workspace settings are already set that way");
      b.workspaceSettings = next;
      return state();
    },
  };
}

/** The workspace settings a new workspace has, as the backend writes them. */
export function defaultSettings(): SettingsOnShow {
  return {
    policy: { band_min: 5, band_max: 8, max_load: 3, team_min: 5, team_max: 9 },
    workspace_policy: { band_min: 5, band_max: 8, max_load: 3, team_min: 5, team_max: 9 },
    ladder: [
      { code: "IC1", track: "ic", rank: 1, staff_plus: false },
      { code: "IC4", track: "ic", rank: 4, staff_plus: true },
      { code: "M1", track: "management", rank: 1, staff_plus: false },
    ],
    overrides: { band: false, team_size: false, max_load: false, ladder: false },
  };
}

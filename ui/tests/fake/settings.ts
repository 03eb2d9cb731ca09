// The fake backend's workspace settings: what every scenario's settings
// start from before its own `setTarget` / `setPolicy` / `setLadder` changes, set (as the
// core does) without recording a change in any scenario.

import type { LadderLevelDto, PolicyDto, ScenarioState, SettingsDto } from "../../src/generated";

export interface FakeWorkspaceSettings {
  /** The workspace's settings (its `own*` flags always false). */
  workspaceSettings: SettingsDto;
  setWorkspaceSettings(policy: PolicyDto | null, levels: LadderLevelDto[] | null): Promise<ScenarioState>;
}

export function fakeWorkspaceSettings(
  backend: () => FakeWorkspaceSettings,
  state: () => ScenarioState,
  maybeFail: (method: string) => void,
  initial: SettingsDto,
): FakeWorkspaceSettings {
  return {
    workspaceSettings: initial,
    async setWorkspaceSettings(policy, levels) {
      maybeFail("setWorkspaceSettings");
      const refuse = (message: string) => {
        throw { code: "invalid-input", message };
      };
      if (policy && (policy.bandMin < 1 || policy.bandMin > policy.bandMax || policy.teamMin < 1 || policy.teamMin > policy.teamMax)) {
        refuse("the range is not valid");
      }
      if (levels && levels.length === 0) refuse("a ladder needs at least one level");
      const b = backend();
      const nextPolicy = policy ?? b.workspaceSettings.policy;
      const next = { ...b.workspaceSettings, policy: nextPolicy, workspacePolicy: nextPolicy, ladder: levels ?? b.workspaceSettings.ladder };
      if (JSON.stringify(next) === JSON.stringify(b.workspaceSettings)) refuse("the workspace settings are already set that way");
      b.workspaceSettings = next;
      return state();
    },
  };
}

/** The workspace settings a new workspace has, as the backend writes them. */
export function defaultSettings(): SettingsDto {
  return {
    policy: { bandMin: 5, bandMax: 8, maxLoad: 3, teamMin: 5, teamMax: 9 },
    workspacePolicy: { bandMin: 5, bandMax: 8, maxLoad: 3, teamMin: 5, teamMax: 9 },
    ownBand: false, ownTeamSize: false, ownMaxLoad: false, ownLadder: false,
    ladder: [
      { code: "IC1", track: "ic", rank: 1, staffPlus: false },
      { code: "IC4", track: "ic", rank: 4, staffPlus: true },
      { code: "M1", track: "management", rank: 1, staffPlus: false },
    ],
  };
}

import { describe, expect, it } from "vitest";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { changedTargets, checkDraft, draftOf, scopeHelp, SettingsStore } from "../src/lib/settings.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { defaultSettings, fakePlatform } from "./fixtures";

async function loaded() {
  const backend = fakePlatform();
  const org = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, org);
  await Promise.all([org.load(), scenarios.load()]);
  const settings = new SettingsStore(backend, scenarios);
  await settings.load();
  backend.calls.length = 0;
  return { backend, org, scenarios, settings };
}

describe("checkDraft", () => {
  const draft = () => draftOf(defaultSettings());

  it("accepts the defaults and trims codes", () => {
    const d = draft();
    d.ladder[0]!.code = "  ic1 ";
    const checked = checkDraft(d);
    expect(checked.ok && checked.settings.ladder[0]!.code).toBe("ic1");
    expect(checked.ok && checked.settings.policy).toEqual(defaultSettings().policy);
  });

  it.each([
    [(d: ReturnType<typeof draft>) => (d.policy.band_min = "9"), /span band's minimum \(9\) is above its maximum \(8\)/],
    [(d: ReturnType<typeof draft>) => (d.policy.band_min = "0"), /at least 1/],
    [(d: ReturnType<typeof draft>) => (d.policy.max_load = "two"), /Max teams .* whole number/],
    [(d: ReturnType<typeof draft>) => (d.policy.team_max = "3"), /team size target's minimum \(5\) is above its maximum \(3\)/],
    [(d: ReturnType<typeof draft>) => (d.ladder[1]!.code = " "), /Level 2 of the ladder has no code/],
    [(d: ReturnType<typeof draft>) => (d.ladder[1]!.code = "ic1"), /“ic1” is in the ladder twice/],
    [(d: ReturnType<typeof draft>) => (d.ladder[0]!.rank = "0"), /rank of IC1/],
    [(d: ReturnType<typeof draft>) => (d.ladder = []), /at least one level/],
  ])("refuses a bad draft with a reason (%#)", (spoil, message) => {
    const d = draft();
    spoil(d);
    const checked = checkDraft(d);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(message);
  });
});

describe("SettingsStore", () => {
  const applied = (calls: string[]) => calls.filter((c) => c.startsWith("applyChange") || c === "setWorkspaceSettings");

  it("on the baseline saves a new band for the workspace, not as a change, and the metrics follow", async () => {
    const { backend, settings, scenarios, org } = await loaded();
    expect(settings.offersScope).toBe(false);
    settings.draft!.policy.band_min = "3";
    settings.draft!.policy.band_max = "6";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["setWorkspaceSettings"]);
    expect(org.metrics?.band.min).toBe(3);
    expect(org.metrics?.band.max).toBe(6);
    expect(scenarios.canUndo).toBe(false);
    expect(scenarios.changes).toEqual([]);
    await scenarios.create("plan");
    expect((await backend.settings()).policy.band_min).toBe(3);
  });

  it("in a scenario applies to the workspace by default: every scenario follows, no list grows", async () => {
    const { backend, settings, scenarios, org } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    backend.calls.length = 0;
    expect(settings.offersScope).toBe(true);
    expect(settings.scope).toBe("workspace");
    settings.draft!.policy.max_load = "5";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["setWorkspaceSettings"]);
    expect(scenarios.changes).toEqual([]);
    await scenarios.switchTo("baseline");
    expect((await backend.settings()).policy.max_load).toBe(5);
  });

  it("in this scenario only records one setTarget change there, undoable, and the baseline keeps its band", async () => {
    const { backend, settings, scenarios, org } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    backend.calls.length = 0;
    settings.scope = "scenario";
    settings.draft!.policy.band_min = "3";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["applyChange:set-target"]);
    expect(org.metrics?.band.min).toBe(3);
    const own = await backend.settings();
    expect(own.overrides).toEqual({ band: true, team_size: false, max_load: false, ladder: false });
    await scenarios.switchTo("baseline");
    expect((await backend.settings()).policy.band_min).toBe(5);
    await scenarios.switchTo("plan");
    expect(scenarios.canUndo).toBe(true);
    await scenarios.undo();
    expect(org.metrics?.band.min).toBe(5);
  });

  it("in this scenario only pins each changed target alone, one change each", async () => {
    const { backend, settings, scenarios } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    backend.calls.length = 0;
    settings.scope = "scenario";
    settings.draft!.policy.max_load = "4";
    settings.draft!.policy.team_max = "12";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["applyChange:set-target", "applyChange:set-target"]);
    const own = await backend.settings();
    expect(own.overrides).toEqual({ band: false, team_size: true, max_load: true, ladder: false });
    expect(own.policy).toEqual({ band_min: 5, band_max: 8, max_load: 4, team_min: 5, team_max: 12 });
    expect(settings.saved?.overrides.band).toBe(false);
    expect(settings.saved?.overrides.max_load).toBe(true);
  });

  it("in this scenario only saves an edited ladder (added and removed rows) as one setLadder change", async () => {
    const { backend, settings, scenarios } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    backend.calls.length = 0;
    settings.scope = "scenario";
    settings.removeLevel(2);
    settings.addLevel();
    const added = settings.draft!.ladder[2]!;
    expect(added).toEqual({ code: "", track: "ic", rank: "5", staffPlus: false });
    added.code = "IC5";
    added.staffPlus = true;
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["applyChange:set-ladder"]);
    expect((await backend.settings()).ladder.map((l) => l.code)).toEqual(["IC1", "IC4", "IC5"]);
  });

  it("sends nothing for an invalid draft or an unchanged one", async () => {
    const { backend, settings } = await loaded();
    expect(await settings.save()).toBe(true);
    settings.draft!.policy.team_min = "12";
    expect(await settings.save()).toBe(false);
    expect(settings.error?.code).toBe("invalid-input");
    expect(settings.error?.message).toMatch(/team size target/);
    expect(applied(backend.calls)).toEqual([]);
  });

  it("shows the backend's refusal in the dialog, worded by code", async () => {
    const { backend, settings, scenarios } = await loaded();
    backend.failNext.set("setWorkspaceSettings", { code: "conflict", message: "stale" });
    settings.draft!.policy.max_load = "4";
    expect(await settings.save()).toBe(false);
    expect(settings.error?.code).toBe("conflict");
    expect(settings.error?.message).toMatch(/changed in another Orgraph window/);
    expect(scenarios.error).toBeNull();
  });
  it("a workspace save from a scenario with its own band changes only what was edited", async () => {
    const { backend, settings, scenarios } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    settings.scope = "scenario";
    settings.draft!.policy.band_min = "3";
    expect(await settings.save()).toBe(true);
    await settings.load();
    settings.scope = "workspace";
    settings.draft!.policy.max_load = "6";
    expect(await settings.save()).toBe(true);
    expect(backend.workspaceSettings.policy).toEqual({ band_min: 5, band_max: 8, max_load: 6, team_min: 5, team_max: 9 });
    const plan = await backend.settings();
    expect(plan.policy).toEqual({ band_min: 3, band_max: 8, max_load: 6, team_min: 5, team_max: 9 });
  });
});

describe("scopeHelp", () => {
  const none = defaultSettings().overrides;
  const ownBand = { ...defaultSettings(), overrides: { ...none, band: true } };

  it("says where the settings go", () => {
    expect(scopeHelp("workspace", defaultSettings(), "plan", false)).toMatch(/whole workspace: the baseline and every scenario/);
    expect(scopeHelp("scenario", defaultSettings(), "plan", false)).toMatch(/changes of “plan” only, one per setting you change: the others keep following the workspace/);
  });

  it("warns that a scenario's own settings stay in force over a workspace change, naming each", () => {
    expect(scopeHelp("workspace", ownBand, "plan", false)).toMatch(/“plan” keeps the span band it set for itself/);
    expect(scopeHelp("workspace", { ...ownBand, overrides: { ...ownBand.overrides, max_load: true, ladder: true } }, "baseline", true)).toMatch(
      /The baseline keeps the span band, max load and ladder it set for itself/,
    );
    expect(scopeHelp("workspace", defaultSettings(), "plan", false)).not.toMatch(/keeps/);
  });
});

describe("changedTargets", () => {
  const policy = { band_min: 5, band_max: 8, max_load: 3, team_min: 5, team_max: 9 };

  it("lists only the targets that differ, in a fixed order", () => {
    expect(changedTargets(policy, policy)).toEqual([]);
    expect(changedTargets(policy, { ...policy, max_load: 2, band_max: 9 })).toEqual([
      { setting: "band", min: 5, max: 9 },
      { setting: "max-load", max_load: 2 },
    ]);
  });
});

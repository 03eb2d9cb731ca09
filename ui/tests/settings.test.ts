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
    [(d: ReturnType<typeof draft>) => (d.policy.bandMin = "9"), /span band's minimum \(9\) is above its maximum \(8\)/],
    [(d: ReturnType<typeof draft>) => (d.policy.bandMin = "0"), /at least 1/],
    [(d: ReturnType<typeof draft>) => (d.policy.maxLoad = "two"), /Max teams .* whole number/],
    [(d: ReturnType<typeof draft>) => (d.policy.teamMax = "3"), /team size target's minimum \(5\) is above its maximum \(3\)/],
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
    settings.draft!.policy.bandMin = "3";
    settings.draft!.policy.bandMax = "6";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["setWorkspaceSettings"]);
    expect(org.metrics?.band.min).toBe(3);
    expect(org.metrics?.band.max).toBe(6);
    expect(scenarios.canUndo).toBe(false);
    expect(scenarios.changes).toEqual([]);
    await scenarios.create("plan");
    expect((await backend.settings()).policy.bandMin).toBe(3);
  });

  it("in a scenario applies to the workspace by default: every scenario follows, no list grows", async () => {
    const { backend, settings, scenarios, org } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    backend.calls.length = 0;
    expect(settings.offersScope).toBe(true);
    expect(settings.scope).toBe("workspace");
    settings.draft!.policy.maxLoad = "5";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["setWorkspaceSettings"]);
    expect(scenarios.changes).toEqual([]);
    await scenarios.switchTo("baseline");
    expect((await backend.settings()).policy.maxLoad).toBe(5);
  });

  it("in this scenario only records one setTarget change there, undoable, and the baseline keeps its band", async () => {
    const { backend, settings, scenarios, org } = await loaded();
    await scenarios.create("plan");
    await settings.load();
    backend.calls.length = 0;
    settings.scope = "scenario";
    settings.draft!.policy.bandMin = "3";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["applyChange:setTarget"]);
    expect(org.metrics?.band.min).toBe(3);
    const own = await backend.settings();
    expect([own.ownBand, own.ownTeamSize, own.ownMaxLoad, own.ownLadder]).toEqual([true, false, false, false]);
    await scenarios.switchTo("baseline");
    expect((await backend.settings()).policy.bandMin).toBe(5);
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
    settings.draft!.policy.maxLoad = "4";
    settings.draft!.policy.teamMax = "12";
    expect(await settings.save()).toBe(true);
    expect(applied(backend.calls)).toEqual(["applyChange:setTarget", "applyChange:setTarget"]);
    const own = await backend.settings();
    expect([own.ownBand, own.ownTeamSize, own.ownMaxLoad]).toEqual([false, true, true]);
    expect(own.policy).toEqual({ bandMin: 5, bandMax: 8, maxLoad: 4, teamMin: 5, teamMax: 12 });
    expect(settings.saved?.ownBand).toBe(false);
    expect(settings.saved?.ownMaxLoad).toBe(true);
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
    expect(applied(backend.calls)).toEqual(["applyChange:setLadder"]);
    expect((await backend.settings()).ladder.map((l) => l.code)).toEqual(["IC1", "IC4", "IC5"]);
  });

  it("sends nothing for an invalid draft or an unchanged one", async () => {
    const { backend, settings } = await loaded();
    expect(await settings.save()).toBe(true);
    settings.draft!.policy.teamMin = "12";
    expect(await settings.save()).toBe(false);
    expect(settings.error?.code).toBe("invalid-input");
    expect(settings.error?.message).toMatch(/team size target/);
    expect(applied(backend.calls)).toEqual([]);
  });

  it("shows the backend's refusal in the dialog, worded by code", async () => {
    const { backend, settings, scenarios } = await loaded();
    backend.failNext.set("setWorkspaceSettings", { code: "conflict", message: "stale" });
    settings.draft!.policy.maxLoad = "4";
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
    settings.draft!.policy.bandMin = "3";
    expect(await settings.save()).toBe(true);
    await settings.load();
    settings.scope = "workspace";
    settings.draft!.policy.maxLoad = "6";
    expect(await settings.save()).toBe(true);
    expect(backend.workspaceSettings.policy).toEqual({ bandMin: 5, bandMax: 8, maxLoad: 6, teamMin: 5, teamMax: 9 });
    const plan = await backend.settings();
    expect(plan.policy).toEqual({ bandMin: 3, bandMax: 8, maxLoad: 6, teamMin: 5, teamMax: 9 });
  });
});

describe("scopeHelp", () => {
  const ownBand = { ...defaultSettings(), ownBand: true };

  it("says where the settings go", () => {
    expect(scopeHelp("workspace", defaultSettings(), "plan", false)).toMatch(/whole workspace: the baseline and every scenario/);
    expect(scopeHelp("scenario", defaultSettings(), "plan", false)).toMatch(/changes of “plan” only, one per setting you change: the others keep following the workspace/);
  });

  it("warns that a scenario's own settings stay in force over a workspace change, naming each", () => {
    expect(scopeHelp("workspace", ownBand, "plan", false)).toMatch(/“plan” keeps the span band it set for itself/);
    expect(scopeHelp("workspace", { ...ownBand, ownMaxLoad: true, ownLadder: true }, "baseline", true)).toMatch(
      /The baseline keeps the span band, max load and ladder it set for itself/,
    );
    expect(scopeHelp("workspace", defaultSettings(), "plan", false)).not.toMatch(/keeps/);
  });
});

describe("changedTargets", () => {
  const policy = { bandMin: 5, bandMax: 8, maxLoad: 3, teamMin: 5, teamMax: 9 };

  it("lists only the targets that differ, in a fixed order", () => {
    expect(changedTargets(policy, policy)).toEqual([]);
    expect(changedTargets(policy, { ...policy, maxLoad: 2, bandMax: 9 })).toEqual([
      { setting: "band", min: 5, max: 9 },
      { setting: "maxLoad", maxLoad: 2 },
    ]);
  });
});

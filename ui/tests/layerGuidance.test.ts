import { describe, expect, it } from "vitest";
import { HealthStore } from "../src/lib/health.svelte";
import { addGuidanceStep, guidanceDraftOf, limitWords, readGuidanceDraft, removeGuidanceStep } from "../src/lib/layerGuidance";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { SettingsStore } from "../src/lib/settings.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { backendOrg } from "./backendFixtures";
import { fakeBackend } from "./fixtures";

/** The backend's `dashboard` org (three layers, 15 people), with its settings and health loaded. */
async function loaded() {
  const backend = fakeBackend("dashboard");
  const org = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, org);
  await Promise.all([org.load(), scenarios.load()]);
  const settings = new SettingsStore(backend, scenarios);
  const health = new HealthStore(backend, org, () => {});
  await Promise.all([settings.load(), health.load()]);
  backend.calls.length = 0;
  return { backend, scenarios, settings, health };
}

const written = backendOrg("dashboard").guidance;

describe("the layer guidance draft", () => {
  it("reads the workspace's guidance as rows and back", () => {
    const draft = guidanceDraftOf(written.workspace);
    expect(draft).toEqual({
      steps: [
        { upTo: "500", layers: "5" },
        { upTo: "5000", layers: "7" },
      ],
      above: "9",
    });
    expect(readGuidanceDraft(draft)).toEqual({ ok: true, guidance: written.workspace });
  });

  it("adds a row after the last and removes any", () => {
    const draft = guidanceDraftOf(written.workspace);
    addGuidanceStep(draft);
    expect(draft.steps[2]).toEqual({ upTo: "50000", layers: "9" });
    removeGuidanceStep(draft, 0);
    expect(draft.steps.map((s) => s.upTo)).toEqual(["5000", "50000"]);
    const empty = { steps: [], above: "4" };
    addGuidanceStep(empty);
    expect(empty.steps).toEqual([{ upTo: "500", layers: "4" }]);
  });

  it("names a field that is not a whole number, and leaves the rule to the core", () => {
    const draft = guidanceDraftOf(written.workspace);
    draft.steps[1]!.layers = "seven";
    expect(readGuidanceDraft(draft)).toEqual({ ok: false, message: expect.stringMatching(/row 2: the number of layers/) });
    draft.steps[1]!.layers = "7";
    draft.above = "";
    expect(readGuidanceDraft(draft)).toMatchObject({ ok: false, message: expect.stringMatching(/Above that/) });
    // Sizes that do not increase are read as typed: the core refuses them.
    const unsorted = guidanceDraftOf(written.workspace);
    unsorted.steps[1]!.upTo = "100";
    expect(readGuidanceDraft(unsorted).ok).toBe(true);
  });

  it("says the step in force in words", () => {
    expect(limitWords({ people: 15, layers: 5, from: 0, up_to: 500 })).toBe("at most 5 layers for up to 500 people");
    expect(limitWords({ people: 900, layers: 7, from: 501, up_to: 5000 })).toBe("at most 7 layers for 501–5,000 people");
    expect(limitWords({ people: 9000, layers: 9, from: 5001, up_to: null })).toBe("at most 9 layers above 5,000 people");
    expect(limitWords({ people: 15, layers: 1, from: 0, up_to: null })).toBe("at most 1 layer at any size");
  });
});

describe("SettingsStore and the layer guidance", () => {
  it("loads the workspace's guidance with the other settings", async () => {
    const { settings } = await loaded();
    expect(settings.savedGuidance).toEqual(written.workspace);
    expect(settings.guidance?.steps).toHaveLength(2);
  });

  it("saves a changed guidance for the workspace, and the health findings follow", async () => {
    const { backend, scenarios, settings, health } = await loaded();
    expect(health.health?.findings.some((f) => f.id === "deep-chain")).toBe(false);
    expect(health.health?.layers).toEqual({ people: 15, layers: 5, from: 0, up_to: 500 });
    const revision = scenarios.revision;
    settings.removeGuidanceStep(1);
    settings.removeGuidanceStep(0);
    settings.guidance!.above = "2";
    expect(await settings.save()).toBe(true);
    expect(backend.calls).toEqual(["setLayerGuidance"]);
    expect(backend.workspaceGuidance).toEqual({ steps: [], above: 2 });
    expect(settings.savedGuidance).toEqual({ steps: [], above: 2 });
    // Open views (the Health panel) fetch again on a new revision.
    expect(scenarios.revision).toBeGreaterThan(revision);
    expect(scenarios.changes).toEqual([]);
    await health.load();
    expect(health.error).toBeNull();
    const deep = health.health?.findings.find((f) => f.id === "deep-chain");
    expect(deep?.count).toBe(4);
    expect(health.health?.layers).toEqual({ people: 15, layers: 2, from: 0, up_to: null });
  });

  it("shows the core's refusal beside the guidance and saves nothing else", async () => {
    const { backend, settings } = await loaded();
    const refusal = written.refused.find((r) => r.guidance.steps.length === 2)!;
    settings.guidance!.steps[1]!.upTo = "100";
    settings.guidance!.steps[1]!.layers = "4";
    settings.draft!.policy.band_max = "9";
    expect(await settings.save()).toBe(false);
    expect(backend.calls).toEqual(["setLayerGuidance"]);
    expect(settings.guidanceError).toEqual(refusal.error);
    expect(settings.guidanceError?.message).toMatch(/sizes must increase/);
    expect(backend.workspaceGuidance).toEqual(written.workspace);
    expect(backend.workspaceSettings.policy.band_max).toBe(8);
  });

  it("sends nothing when the guidance is unchanged or not numbers", async () => {
    const { backend, settings } = await loaded();
    expect(await settings.save()).toBe(true);
    settings.guidance!.above = "lots";
    expect(await settings.save()).toBe(false);
    expect(settings.guidanceError?.code).toBe("invalid-input");
    expect(backend.calls).toEqual([]);
  });
});

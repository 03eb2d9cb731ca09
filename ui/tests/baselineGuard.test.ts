import { describe, expect, it } from "vitest";
import {
  BASELINE_EDITS_KEY,
  BaselineEditGuard,
  editsTheOrg,
  freshScenarioName,
  type DecisionStorage,
} from "../src/lib/baselineGuard.svelte";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { fakePlatform } from "./fixtures";

function memoryStorage(): DecisionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

async function loaded(storage = memoryStorage()) {
  const backend = fakePlatform();
  const org = new OrgStore(backend);
  const guard = new BaselineEditGuard(storage);
  const scenarios = new ScenarioStore(backend, org, guard);
  await Promise.all([org.load(), scenarios.load()]);
  backend.calls.length = 0;
  return { backend, org, scenarios, guard, storage };
}

/** Waits until the guard asks, then answers. */
async function answerWhenAsked(guard: BaselineEditGuard, choice: "scenario" | "baseline" | "cancel") {
  for (let i = 0; i < 50 && !guard.asking; i++) await new Promise((ok) => setTimeout(ok, 0));
  expect(guard.asking).toBe(true);
  guard.answer(choice);
}

describe("BaselineEditGuard", () => {
  it("names a started scenario after the first free number", () => {
    expect(freshScenarioName([{ name: "baseline" }])).toBe("Scenario 1");
    expect(freshScenarioName([{ name: "Scenario 1" }, { name: "Scenario 3" }])).toBe("Scenario 2");
  });

  it("treats settings as no edit of the org", () => {
    expect(editsTheOrg("move")).toBe(true);
    expect(editsTheOrg("remove-person")).toBe(true);
    expect(editsTheOrg("set-policy")).toBe(false);
    expect(editsTheOrg("set-ladder")).toBe(false);
  });

  it("remembers editing the baseline for the session, and nothing else", async () => {
    const storage = memoryStorage();
    const guard = new BaselineEditGuard(storage);
    const first = guard.decide();
    expect(guard.asking).toBe(true);
    expect(await guard.decide()).toBe("cancel"); // a second edit while asking is dropped
    guard.answer("scenario");
    expect(await first).toBe("scenario");
    expect(guard.asking).toBe(false);
    expect(storage.items.size).toBe(0);

    const second = guard.decide();
    guard.answer("baseline");
    expect(await second).toBe("baseline");
    expect(storage.items.get(BASELINE_EDITS_KEY)).toBe("allowed");
    expect(await guard.decide()).toBe("baseline");
    // A reload of the window in the same session keeps the decision.
    expect(new BaselineEditGuard(storage).baselineAllowed).toBe(true);
    expect(new BaselineEditGuard(memoryStorage()).baselineAllowed).toBe(false);
  });
});

describe("ScenarioStore with the baseline guard", () => {
  it("starts a scenario by default and makes the edit there", async () => {
    const { backend, org, scenarios, guard } = await loaded();
    const moved = org.move("dan", "ann");
    await answerWhenAsked(guard, "scenario");
    expect(await moved).toBe(true);
    expect(backend.calls).toContain("createScenario:Scenario 1<-baseline");
    expect(scenarios.currentName).toBe("Scenario 1");
    expect(scenarios.changes).toHaveLength(1);
    expect(backend.scenarioData.get("baseline")?.changes).toEqual([]);

    // In a scenario, edits go ahead without a question.
    expect(await org.move("cat", "dan")).toBe(true);
    expect(guard.asking).toBe(false);
  });

  it("edits the baseline when asked to, and asks no more this session", async () => {
    const { backend, org, scenarios, guard } = await loaded();
    const removed = scenarios.apply({ kind: "remove-person", person: "dan" }, "Removed.");
    await answerWhenAsked(guard, "baseline");
    expect(await removed).toBe(true);
    expect(scenarios.currentName).toBe("baseline");
    expect(backend.scenarioData.get("baseline")?.changes).toHaveLength(1);
    expect(await org.move("cat", "ceo")).toBe(true);
    expect(guard.asking).toBe(false);
  });

  it("edits nothing when the question is cancelled, and never asks about settings", async () => {
    const { backend, org, scenarios, guard } = await loaded();
    const moved = org.move("dan", "ann");
    await answerWhenAsked(guard, "cancel");
    expect(await moved).toBe(false);
    expect(backend.calls.filter((c) => c.startsWith("movePerson") || c.startsWith("createScenario"))).toEqual([]);
    expect(scenarios.all.map((s) => s.name)).toEqual(["baseline"]);

    // The settings apply to every scenario: saving them asks nothing.
    expect(await scenarios.apply({ kind: "set-ladder", ladder: [{ code: "L1", track: "ic", rank: 1, staff_plus: false }] }, "Saved the career ladder.")).toBe(true);
    expect(guard.asking).toBe(false);
    expect(backend.calls).toContain("applyChange:set-ladder");
  });
});

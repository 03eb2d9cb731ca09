import { describe, expect, it } from "vitest";
import type { ListedScenario } from "../src/generated";
import { baseChoices, conflictNote, scenarioEntry } from "../src/lib/scenarioList";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { fakePlatform } from "./fixtures";

const dto = (name: string, conflicts: number | null, parent: string | null = "baseline"): ListedScenario => ({
  name,
  parent: name === "baseline" ? null : parent,
  is_baseline: name === "baseline",
  head: 2,
  changes: 2,
  can_undo: true,
  can_redo: false,
  conflicts,
});

async function loaded() {
  const backend = fakePlatform();
  const org = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, org);
  await Promise.all([org.load(), scenarios.load()]);
  backend.calls.length = 0;
  return { backend, org, scenarios };
}

describe("scenario list entries", () => {
  it("say how many changes do not apply, or that nobody checked", () => {
    expect(conflictNote(dto("a", 0))).toBe("");
    expect(conflictNote(dto("a", 3))).toBe(" · ⚠ 3 not applied");
    expect(conflictNote(dto("a", null))).toBe(" · not checked");
    expect(scenarioEntry(dto("reorg", 2, "plan"))).toBe("reorg (2 changes) · from plan · ⚠ 2 not applied");
    expect(scenarioEntry(dto("baseline", 0))).toBe("baseline (2 changes)");
  });

  it("offer the baseline first, then every scenario, as a base", () => {
    expect(baseChoices([dto("b", 0), dto("baseline", 0), dto("a", 1)])).toEqual(["baseline", "b", "a"]);
  });
});

describe("ScenarioStore: every scenario's conflicts and base", () => {
  it("lists each scenario's own count after a re-import, not only the shown one's", async () => {
    const { backend, scenarios, org } = await loaded();
    await scenarios.create("one");
    expect(await org.move("dan", "ann")).toBe(true);
    await scenarios.create("two");
    expect(await org.move("dan", "ann")).toBe(true);
    expect(await org.move("cat", "dan")).toBe(true);
    await scenarios.switchTo("baseline");
    // The backend's small org re-imported without dan.
    backend.reimport("dan-gone");
    await scenarios.refresh();
    expect(scenarios.conflicts).toEqual([]);
    expect(scenarios.all.map((s) => [s.name, s.conflicts])).toEqual([
      ["baseline", 0],
      ["one", 1],
      ["two", 2],
    ]);
  });

  it("branches from the baseline by default, not from the scenario on show", async () => {
    const { backend, scenarios, org } = await loaded();
    await scenarios.create("reorg");
    expect(await org.move("dan", "ann")).toBe(true);
    expect(await scenarios.create("fresh")).toBe(true);
    expect(backend.calls).toContain("createScenario:fresh<-baseline");
    expect(scenarios.current?.parent).toBe("baseline");
    expect(scenarios.changes).toEqual([]);

    expect(await scenarios.create("follow-up", "reorg")).toBe(true);
    expect(backend.calls).toContain("createScenario:follow-up<-reorg");
    expect(scenarios.current?.parent).toBe("reorg");
    expect(scenarios.changes).toHaveLength(1);
    expect(org.announcement).toBe("Created follow-up from reorg.");
  });
});

import { describe, expect, it } from "vitest";
import { describeScenarioError, AppError } from "../src/lib/errors";
import { isTextEntry, ScenarioStore, shortcutFor, type ShortcutEvent } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { fakePlatform } from "./fixtures";

async function loaded() {
  const backend = fakePlatform();
  const org = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, org);
  await Promise.all([org.load(), scenarios.load()]);
  backend.calls.length = 0;
  return { backend, org, scenarios };
}

function key(k: string, mods: Partial<ShortcutEvent> = {}): ShortcutEvent & { prevented: boolean } {
  const e = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: { tagName: "BODY" },
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
    ...mods,
  };
  return e;
}

describe("ScenarioStore", () => {
  it("loads the scenario state and the change list", async () => {
    const { scenarios } = await loaded();
    expect(scenarios.currentName).toBe("baseline");
    expect(scenarios.all.map((s) => s.name)).toEqual(["baseline"]);
    expect(scenarios.canUndo).toBe(false);
    expect(scenarios.changes).toEqual([]);
  });

  it("creates a scenario from the one on show and switches to it", async () => {
    const { backend, scenarios, org } = await loaded();
    expect(await scenarios.create("  reorg ")).toBe(true);
    expect(backend.calls).toContain("createScenario:reorg<-baseline");
    expect(scenarios.currentName).toBe("reorg");
    expect(scenarios.all.map((s) => s.name)).toEqual(["baseline", "reorg"]);
    expect(scenarios.current?.parent).toBe("baseline");
    expect(org.announcement).toBe("Created reorg from baseline.");
  });

  it("switching reloads the chart, metrics and selection", async () => {
    const { backend, scenarios, org } = await loaded();
    await scenarios.create("reorg");
    await org.select("dan");
    expect(await org.move("dan", "ann")).toBe(true);
    expect(org.metrics?.managers).toBe(2);
    expect(scenarios.canUndo).toBe(true); // refreshed after the edit
    expect(scenarios.changes).toHaveLength(1);

    backend.calls.length = 0;
    const revision = scenarios.revision;
    expect(await scenarios.switchTo("baseline")).toBe(true);
    expect(backend.calls).toEqual(
      expect.arrayContaining(["switchScenario:baseline", "metrics", "chartNodes", "workspaceInfo", "personDetails:dan"]),
    );
    expect(org.node("dan")?.manager).toBe(0);
    expect(org.details?.manager?.id).toBe("ceo");
    expect(scenarios.revision).toBeGreaterThan(revision);
    expect(scenarios.changes).toEqual([]);

    await scenarios.switchTo("reorg");
    expect(org.node("dan")?.manager).toBe(1);
    expect(org.details?.manager?.id).toBe("ann");
  });

  it("clears the selection when the person is not in the scenario switched to", async () => {
    const { backend, scenarios, org } = await loaded();
    await scenarios.create("smaller");
    backend.record({ kind: "remove", person: "cat" });
    await scenarios.switchTo("baseline");
    await org.select("cat");
    await scenarios.switchTo("smaller");
    expect(org.nodes).toHaveLength(4);
    expect(org.selectedId).toBeNull();
    expect(org.details).toBeNull();
    expect(org.metrics?.people).toBe(4);
  });

  it("switching to the scenario on show does nothing", async () => {
    const { backend, scenarios } = await loaded();
    expect(await scenarios.switchTo("baseline")).toBe(true);
    expect(backend.calls).toEqual([]);
  });

  it("undo and redo step through the history and reload the org", async () => {
    const { scenarios, org } = await loaded();
    await scenarios.create("reorg");
    await org.move("dan", "ann");
    expect(scenarios.state?.undo_label).toBe("move dan -> ann");
    expect(await scenarios.undo()).toBe(true);
    expect(org.node("dan")?.manager).toBe(0);
    expect(scenarios.canUndo).toBe(false);
    expect(scenarios.canRedo).toBe(true);
    expect(scenarios.state?.redo_label).toBe("move dan -> ann");
    expect(scenarios.changes.map((c) => c.applied)).toEqual([false]);
    expect(org.announcement).toBe("Undid move dan -> ann.");

    expect(await scenarios.undo()).toBe(false); // nothing to undo: no call
    expect(await scenarios.redo()).toBe(true);
    expect(org.node("dan")?.manager).toBe(1);
    expect(scenarios.changes.map((c) => c.applied)).toEqual([true]);
    expect(scenarios.canRedo).toBe(false);
  });

  it("a new edit after undo drops the redo history", async () => {
    const { scenarios, org } = await loaded();
    await org.move("dan", "ann");
    await scenarios.undo();
    expect(scenarios.canRedo).toBe(true);
    await org.move("cat", "ceo");
    expect(scenarios.canRedo).toBe(false);
    expect(scenarios.changes).toHaveLength(1);
  });

  it("shows a refused undo by its code (stale state from another window)", async () => {
    const { backend, scenarios, org } = await loaded();
    await org.move("dan", "ann");
    backend.failNext.set("undo", { code: "nothing-to-undo", message: "whatever the backend says" });
    expect(await scenarios.undo()).toBe(false);
    expect(scenarios.error).toEqual({ code: "nothing-to-undo", message: "There is nothing to undo in this scenario." });
  });

  it("refuses a duplicate name by code and keeps the scenario on show", async () => {
    const { scenarios } = await loaded();
    await scenarios.create("reorg");
    await scenarios.switchTo("baseline");
    expect(await scenarios.create("reorg")).toBe(false);
    expect(scenarios.error?.code).toBe("already-exists");
    expect(scenarios.error?.message).toContain("already a scenario called “reorg”");
    expect(scenarios.currentName).toBe("baseline");
    scenarios.dismissError();
    expect(scenarios.error).toBeNull();
  });

  it("refuses an empty name without asking the backend, and invalid names by code", async () => {
    const { backend, scenarios } = await loaded();
    expect(await scenarios.create("   ")).toBe(false);
    expect(scenarios.error?.code).toBe("invalid-input");
    expect(backend.calls).toEqual([]);
    expect(await scenarios.create("a/b")).toBe(false);
    expect(scenarios.error?.code).toBe("invalid-input");
    expect(scenarios.error?.message).toContain("isn't a usable scenario name");
  });

  it("duplicates the scenario on show and switches to the copy", async () => {
    const { backend, scenarios, org } = await loaded();
    await scenarios.create("reorg");
    await org.move("dan", "ann");
    expect(await scenarios.duplicate("reorg b")).toBe(true);
    expect(backend.calls).toContain("duplicateScenario:reorg->reorg b");
    expect(scenarios.currentName).toBe("reorg b");
    expect(scenarios.current?.head).toBe(1);
    expect(org.node("dan")?.manager).toBe(1);
  });

  it("renames without reloading the chart", async () => {
    const { backend, scenarios } = await loaded();
    await scenarios.create("reorg");
    backend.calls.length = 0;
    expect(await scenarios.rename("reorg 2")).toBe(true);
    expect(scenarios.currentName).toBe("reorg 2");
    expect(backend.calls).not.toContain("chartNodes");
  });

  it("deletes the scenario on show and shows the baseline again", async () => {
    const { backend, scenarios, org } = await loaded();
    await scenarios.create("reorg");
    await org.move("dan", "ann");
    await scenarios.compare(["reorg"]);
    expect(await scenarios.remove()).toBe(true);
    expect(backend.calls).toContain("deleteScenario:reorg");
    expect(scenarios.currentName).toBe("baseline");
    expect(scenarios.all.map((s) => s.name)).toEqual(["baseline"]);
    expect(org.node("dan")?.manager).toBe(0);
    expect(scenarios.compareNames).toEqual([]); // a deleted scenario is no longer compared
  });

  it("never deletes the baseline", async () => {
    const { backend, scenarios } = await loaded();
    expect(await scenarios.remove()).toBe(false);
    expect(scenarios.error?.code).toBe("invalid-input");
    expect(backend.calls).toEqual([]);
  });

  it("reports a failed switch by code and keeps what is on show", async () => {
    const { backend, scenarios } = await loaded();
    await scenarios.create("reorg");
    await scenarios.switchTo("baseline");
    backend.failNext.set("switchScenario:reorg", { code: "busy", message: "locked" });
    expect(await scenarios.switchTo("reorg")).toBe(false);
    expect(scenarios.error?.code).toBe("busy");
    expect(scenarios.currentName).toBe("baseline");
  });

  it("compares the chosen scenarios and loads the plan", async () => {
    const { scenarios, org } = await loaded();
    await scenarios.create("reorg");
    await org.move("dan", "ann");
    await scenarios.compare(["reorg"]);
    expect(scenarios.comparison?.scenarios).toEqual(["baseline", "reorg"]);
    expect(scenarios.comparison?.against_baseline[0]?.lines[0]?.person).toBe("dan");
    await scenarios.loadPlan();
    expect(scenarios.plan?.scenario).toBe("reorg");
  });

  it("opening the compare view compares the scenario on show by default", async () => {
    const { scenarios } = await loaded();
    await scenarios.openCompare();
    expect(scenarios.comparison?.scenarios).toEqual(["baseline"]);
    await scenarios.create("reorg");
    await scenarios.openCompare();
    expect(scenarios.compareNames).toEqual(["reorg"]);
    await scenarios.compare([]);
    await scenarios.switchTo("baseline");
    await scenarios.openCompare();
    expect(scenarios.compareNames).toEqual([]); // the baseline is always a column
  });

  it("shows a failed comparison by code", async () => {
    const { backend, scenarios } = await loaded();
    backend.failNext.set("compareScenarios:", { code: "storage", message: "disk" });
    await scenarios.compare([]);
    expect(scenarios.viewError?.code).toBe("storage");
  });
});

describe("ScenarioStore conflicts", () => {
  /** "reorg" moves dan, then cat under dan, then bob; a re-import drops dan. */
  async function afterDanLeaves() {
    const ctx = await loaded();
    const { backend, scenarios, org } = ctx;
    await scenarios.create("reorg");
    expect(await org.move("dan", "ann")).toBe(true);
    expect(await org.move("cat", "dan")).toBe(true);
    expect(await org.move("bob", "ceo")).toBe(true);
    // The backend's small org re-imported without dan.
    backend.reimport("dan-gone");
    await Promise.all([org.reload(), scenarios.refresh()]);
    return ctx;
  }

  it("lists the changes a re-import left without effect, with their reasons", async () => {
    const { scenarios } = await afterDanLeaves();
    expect(scenarios.changes).toHaveLength(3);
    expect(scenarios.conflicts.map((c) => [c.conflict.position, c.conflict.reason.kind])).toEqual([
      [1, "person-gone"],
      [2, "manager-gone"],
    ]);
    expect(scenarios.conflicts[1]?.reason).toBe("manager 'dan' is no longer in the org");
  });

  it("drops a conflict and reloads what is on show", async () => {
    const { backend, scenarios, org } = await afterDanLeaves();
    expect(await scenarios.dropChange(1)).toBe(true);
    expect(backend.calls).toContain("dropChange:1");
    expect(scenarios.changes).toHaveLength(2);
    expect(scenarios.conflicts.map((c) => c.conflict.position)).toEqual([1]);
    expect(org.announcement).toBe("Dropped change 1.");
  });

  it("re-targets a move to another manager, and words a refusal by code", async () => {
    const { scenarios, org } = await afterDanLeaves();
    expect(await scenarios.retargetMove(2, "zed")).toBe(false);
    expect(scenarios.error?.code).toBe("invalid-input");
    expect(scenarios.conflicts).toHaveLength(2);

    expect(await scenarios.retargetMove(2, "ceo")).toBe(true);
    expect(scenarios.conflicts.map((c) => c.conflict.position)).toEqual([1]);
    const cat = org.nodes.find((n) => n.id === "cat");
    expect(org.nodes[cat?.manager ?? -1]?.id).toBe("ceo");
  });
});

describe("ScenarioStore.apply", () => {
  it("applies an edit, reloads the org and makes it undoable", async () => {
    const { backend, scenarios, org } = await loaded();
    const ok = await scenarios.apply(
      { kind: "edit-person", person: "bob", edit: { field: "title", value: "Staff Engineer" } },
      "Bob is now a Staff Engineer.",
    );
    expect(ok).toBe(true);
    expect(backend.calls).toContain("applyChange:edit-person");
    expect(org.node("bob")?.title).toBe("Staff Engineer");
    expect(scenarios.canUndo).toBe(true);
    expect(scenarios.changes.map((c) => c.kind)).toEqual(["edit-person"]);
    expect(org.announcement).toBe("Bob is now a Staff Engineer.");
    await scenarios.undo();
    expect(org.node("bob")?.title).toBe("Engineer");
  });

  it("an edit fetches only what it changed: support the metrics, a title the chain's nodes, a move the layout too", async () => {
    const { backend, scenarios, org } = await loaded();
    // Only a staff+ engineer supports a team: bob becomes one (IC4) first.
    await scenarios.apply({ kind: "edit-person", person: "bob", edit: { field: "level", value: "IC4" } }, "Promoted.");
    backend.calls.length = 0;
    expect(await scenarios.apply({ kind: "add-support", person: "bob", team: "payments" }, "Bob supports Payments.")).toBe(true);
    expect(backend.calls).toContain("metrics");
    expect(backend.calls).not.toContain("chartNodes");
    expect(scenarios.canUndo).toBe(true);
    backend.calls.length = 0;
    await scenarios.apply({ kind: "edit-person", person: "bob", edit: { field: "title", value: "Lead" } }, "Retitled.");
    expect(backend.calls).toContain("chartChainNodes:bob");
    expect(backend.calls).not.toContain("chartNodes");
    expect(backend.calls.some((c) => c.startsWith("chartLayout"))).toBe(false);
    expect(org.node("bob")?.title).toBe("Lead");
    expect(org.nodes.map((n) => n.id)).toEqual(backend.nodes.map((n) => n.id));
    backend.calls.length = 0;
    await scenarios.apply({ kind: "move", person: "bob", manager: "dan" }, "Moved.");
    expect(backend.calls.some((c) => c.startsWith("chartLayout"))).toBe(true);
  });

  it("a patch that does not line up with the nodes on show falls back to fetching every node", async () => {
    const { backend, scenarios, org } = await loaded();
    // As if the nodes on show were stale: the patch names someone else at bob's index.
    const chain = backend.chartChainNodes.bind(backend);
    backend.chartChainNodes = async (id) => (await chain(id)).map((n) => (n.id === "bob" ? { ...n, id: "stranger" } : n));
    await scenarios.apply({ kind: "edit-person", person: "bob", edit: { field: "title", value: "Lead" } }, "Retitled.");
    expect(backend.calls).toContain("chartNodes");
    expect(org.node("bob")?.title).toBe("Lead");
    expect(org.node("stranger")).toBeUndefined();
  });

  it("words a refused edit and changes nothing", async () => {
    const { scenarios, org } = await loaded();
    const ok = await scenarios.apply(
      { kind: "enter-value", person: "bob", field: "cost", value: "lots" },
      "unused",
    );
    expect(ok).toBe(false);
    expect(scenarios.error?.code).toBe("invalid-input");
    expect(scenarios.error?.message).toBe("That change isn't possible: cost 'lots' is not an amount");
    expect(scenarios.canUndo).toBe(false);
    expect(org.node("bob")?.title).toBe("Engineer");
  });
});

describe("keyboard shortcuts", () => {
  it("maps Ctrl+Z to undo and Ctrl+Shift+Z / Ctrl+Y to redo", () => {
    expect(shortcutFor(key("z", { ctrlKey: true }))).toBe("undo");
    expect(shortcutFor(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(shortcutFor(key("y", { ctrlKey: true }))).toBe("redo");
    expect(shortcutFor(key("z", { metaKey: true }))).toBe("undo");
    expect(shortcutFor(key("z"))).toBeNull();
    expect(shortcutFor(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(key("x", { ctrlKey: true }))).toBeNull();
  });

  it("leaves text fields their own undo", () => {
    const input = { tagName: "INPUT", type: "text" };
    expect(isTextEntry(input)).toBe(true);
    expect(isTextEntry({ tagName: "input", type: "search" })).toBe(true);
    expect(isTextEntry({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTextEntry({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTextEntry({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTextEntry({ tagName: "BUTTON" })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(shortcutFor(key("z", { ctrlKey: true, target: input }))).toBeNull();
  });

  it("step undoes and redoes", async () => {
    const { scenarios, org } = await loaded();
    await org.move("dan", "ann");
    scenarios.step("undo");
    await vi_flush();
    expect(org.node("dan")?.manager).toBe(0);
    scenarios.step("redo");
    await vi_flush();
    expect(org.node("dan")?.manager).toBe(1);
  });

  it("takes one step at a time while a step is running", async () => {
    const { backend, scenarios, org } = await loaded();
    await org.move("dan", "ann");
    await org.move("cat", "ceo");
    backend.calls.length = 0;
    scenarios.step("undo");
    scenarios.step("undo");
    await vi_flush();
    expect(backend.calls.filter((c) => c === "undo")).toHaveLength(1);
    expect(scenarios.current?.head).toBe(1);
  });
});

describe("describeScenarioError", () => {
  it("words each refusal by code, not message", () => {
    const e = (code: ConstructorParameters<typeof AppError>[0]) => new AppError(code, "detail");
    expect(describeScenarioError(e("already-exists"), "create", "x")).toContain("already a scenario called “x”");
    expect(describeScenarioError(e("not-found"), "switch", "x")).toContain("no scenario called “x”");
    expect(describeScenarioError(e("nothing-to-redo"), "redo", "x")).toBe("There is nothing to redo in this scenario.");
    expect(describeScenarioError(e("invalid-input"), "delete", "x")).toBe("“x” can't be deleted: detail");
    expect(describeScenarioError(e("conflict"), "undo", "x")).toContain("another Orgraph window");
  });
});

async function vi_flush(): Promise<void> {
  // Let the fire-and-forget history step (several awaits deep) finish.
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((ok) => setTimeout(ok, 0));
}

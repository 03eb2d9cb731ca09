import { describe, expect, it } from "vitest";
import { AppError, describeMoveError, toAppError } from "../src/lib/errors";
import { OrgStore } from "../src/lib/store.svelte";
import { fakeBackend, fakePlatform } from "./fixtures";

async function loaded() {
  const backend = fakePlatform();
  const store = new OrgStore(backend);
  await store.load();
  return { backend, store };
}

describe("OrgStore", () => {
  it("loads the workspace, metrics, nodes and binary layout", async () => {
    const { store } = await loaded();
    expect(store.fatal).toBeNull();
    expect(store.workspace?.name).toBe("test.orgraph");
    expect(store.metrics?.people).toBe(5);
    expect(store.nodes).toHaveLength(5);
    expect(store.layout.length).toBe(5);
    expect(store.fitRequest).toBe(1);
  });

  it("loads the dotted lines with the chart and again after a reload", async () => {
    const backend = fakePlatform();
    backend.dotted = [4, 2];
    const store = new OrgStore(backend);
    await store.load();
    expect([...store.dotted]).toEqual([4, 2]);
    backend.dotted = [];
    await store.reload();
    expect(store.dotted.length).toBe(0);
  });

  it("shows a fatal error by code when the workspace cannot be opened", async () => {
    const backend = fakePlatform();
    backend.workspaceInfo = async () => {
      throw { code: "corrupt", message: "the workspace is corrupt" };
    };
    const store = new OrgStore(backend);
    await store.load();
    expect(store.fatal).toEqual({ code: "corrupt", message: "the workspace is corrupt" });
  });

  it("shows an imported org: new nodes, a stale selection dropped, the chart fitted", async () => {
    const { backend, store } = await loaded();
    await store.selectBestMatch("cat");
    // An import of the backend's one-person org.
    backend.reimport("solo");
    await store.showNewOrg();
    expect(store.nodes.map((n) => n.id)).toEqual(["solo"]);
    expect(store.selectedId).toBeNull();
    expect(store.fitRequest).toBe(2);
    expect(store.error).toBeNull();
  });

  it("selects through search and asks the chart to focus", async () => {
    const { store } = await loaded();
    expect(await store.selectBestMatch("cat")).toBe(true);
    expect(store.selectedId).toBe("cat");
    expect(store.selectedIndex).toBe(3);
    expect(store.details?.manager?.id).toBe("ann");
    expect(store.focus?.index).toBe(3);
    expect(await store.selectBestMatch("nobody")).toBe(false);
  });

  it("moves a person: metrics update at once, then chart and details refresh", async () => {
    const { backend, store } = await loaded();
    await store.select("bob");
    backend.calls.length = 0;
    const ok = await store.move("bob", "dan");
    expect(ok).toBe(true);
    expect(store.error).toBeNull();
    expect(backend.calls[0]).toBe("movePerson:bob->dan");
    expect(backend.calls).toContain("chartNodes");
    expect(store.metrics?.managers).toBe(3);
    expect(store.nodes[2]?.manager).toBe(4);
    expect(store.details?.manager?.id).toBe("dan");
    expect(store.announcement).toBe("Moved Bob Baker under Dan Diaz.");
  });

  it("shows the cycle refusal by error code and changes nothing", async () => {
    const { backend, store } = await loaded();
    await store.select("ann");
    const before = store.metrics;
    backend.failNextMove = {
      code: "would-create-cycle",
      message: "moving 'ann' under 'bob' would create a reporting cycle: ann -> bob -> ann",
    };
    const ok = await store.move("ann", "bob");
    expect(ok).toBe(false);
    expect(store.error?.code).toBe("would-create-cycle");
    // The text is chosen by code, not copied from the backend message.
    expect(store.error?.message).toBe(
      "Ann Archer can't report to Bob Baker: Bob Baker already reports, directly or indirectly, to Ann Archer.",
    );
    expect(store.metrics).toBe(before);
    expect(store.nodes[1]?.manager).toBe(0);
    store.dismissError();
    expect(store.error).toBeNull();
  });

  it("refuses a self-move without calling the backend", async () => {
    const { backend, store } = await loaded();
    backend.calls.length = 0;
    expect(await store.move("bob", "bob")).toBe(false);
    expect(store.error?.code).toBe("invalid-input");
    expect(backend.calls).toEqual([]);
  });

  it("collapses and expands a subtree through the layout command", async () => {
    const { backend, store } = await loaded();
    await store.toggleCollapsed("ann");
    expect(store.isCollapsed("ann")).toBe(true);
    expect(backend.calls).toContain("chartLayout:ann");
    await store.toggleCollapsed("ann");
    expect(store.isCollapsed("ann")).toBe(false);
    // People without reports cannot be collapsed.
    await store.toggleCollapsed("bob");
    expect(store.isCollapsed("bob")).toBe(false);
  });
});

describe("errors", () => {
  it("normalises IPC rejections into AppError", () => {
    const e = toAppError({ code: "busy", message: "locked" });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("busy");
    expect(toAppError(new Error("boom")).code).toBe("internal");
    expect(toAppError("text").message).toBe("text");
  });

  it("explains a move refused because another window changed the workspace", () => {
    const text = describeMoveError(new AppError("conflict", "scenario 'baseline' was changed"), {
      person: "Ada",
      manager: "Grace",
    });
    expect(text).toContain("changed in another Orgraph window");
  });
});

describe("large orgs", () => {
  it("open on their top layers and reveal a hidden person found by search", async () => {
    // A root, 4 VPs, 4 directors each, 5 ICs per director: 101 people.
    const backend = fakeBackend("big");
    const store = new OrgStore(backend);
    await store.load();
    expect(store.collapsed.size).toBe(16); // every director
    expect(store.isCollapsed("d00")).toBe(true);
    expect(await store.selectBestMatch("ic012")).toBe(true);
    expect(store.isCollapsed("d01")).toBe(false);
    expect(store.isCollapsed("d00")).toBe(true);
    await store.expandAll();
    expect(store.collapsed.size).toBe(0);
    await store.collapseToDepth(2);
    expect([...store.collapsed].sort()).toEqual(["vp0", "vp1", "vp2", "vp3"]);
  });
});

import { describe, expect, it, vi } from "vitest";
import { dispatchKey, keyAction, walkTarget, type AppKeyEvent, type KeyContext, type KeyTargets } from "../src/lib/keys";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { buildTree } from "../src/lib/tree";
import { fakePlatform, smallOrg } from "./fixtures";

// ceo(0) -> ann(1) -> bob(2), cat(3); ceo -> dan(4)
const nodes = smallOrg();
const tree = buildTree(nodes);

function key(k: string, mods: Partial<AppKeyEvent> = {}): AppKeyEvent & { prevented: boolean } {
  const event = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: { tagName: "BODY" } as unknown,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...mods,
  };
  return event;
}

function ctx(selected: number, modalOpen = false): KeyContext {
  return { modalOpen, nodes, tree, selected };
}

describe("walkTarget", () => {
  it("goes up to the manager, down to the first report, sideways to siblings", () => {
    expect(walkTarget("up", 2, nodes, tree)).toBe(1);
    expect(walkTarget("up", 0, nodes, tree)).toBeNull();
    expect(walkTarget("down", 0, nodes, tree)).toBe(1);
    expect(walkTarget("down", 1, nodes, tree)).toBe(2);
    expect(walkTarget("down", 2, nodes, tree)).toBeNull();
    expect(walkTarget("right", 2, nodes, tree)).toBe(3);
    expect(walkTarget("right", 3, nodes, tree)).toBeNull();
    expect(walkTarget("left", 3, nodes, tree)).toBe(2);
    expect(walkTarget("left", 2, nodes, tree)).toBeNull();
    expect(walkTarget("right", 1, nodes, tree)).toBe(4);
  });

  it("walks between roots side by side", () => {
    const forest = [...smallOrg(), { ...smallOrg()[4]!, index: 5, id: "eve", manager: null }];
    const t = buildTree(forest);
    expect(walkTarget("right", 0, forest, t)).toBe(5);
    expect(walkTarget("left", 5, forest, t)).toBe(0);
  });
});

describe("keyAction", () => {
  it("maps Ctrl+F, undo/redo, arrows and Delete", () => {
    expect(keyAction(key("f", { ctrlKey: true }), ctx(-1))).toEqual({ kind: "search" });
    expect(keyAction(key("F", { metaKey: true }), ctx(-1))).toEqual({ kind: "search" });
    expect(keyAction(key("z", { ctrlKey: true }), ctx(-1))).toEqual({ kind: "undo" });
    expect(keyAction(key("Z", { ctrlKey: true, shiftKey: true }), ctx(-1))).toEqual({ kind: "redo" });
    expect(keyAction(key("ArrowDown"), ctx(1))).toEqual({ kind: "walk", index: 2 });
    expect(keyAction(key("ArrowUp"), ctx(1))).toEqual({ kind: "walk", index: 0 });
    expect(keyAction(key("ArrowRight"), ctx(2))).toEqual({ kind: "walk", index: 3 });
    expect(keyAction(key("Delete"), ctx(3))).toEqual({ kind: "delete", index: 3 });
  });

  it("does nothing without a selection or at the edge of the chart", () => {
    expect(keyAction(key("ArrowDown"), ctx(-1))).toBeNull();
    expect(keyAction(key("Delete"), ctx(-1))).toBeNull();
    expect(keyAction(key("ArrowUp"), ctx(0))).toBeNull();
    expect(keyAction(key("x"), ctx(1))).toBeNull();
    expect(keyAction(key("Delete", { ctrlKey: true }), ctx(1))).toBeNull();
  });

  it("never fires while typing in a text field", () => {
    const input = { tagName: "INPUT", type: "search" };
    for (const k of [key("f", { ctrlKey: true }), key("z", { ctrlKey: true }), key("ArrowDown"), key("Delete")]) {
      expect(keyAction({ ...k, target: input }, ctx(1))).toBeNull();
      expect(keyAction({ ...k, target: { tagName: "TEXTAREA" } }, ctx(1))).toBeNull();
      expect(keyAction({ ...k, target: { tagName: "DIV", isContentEditable: true } }, ctx(1))).toBeNull();
    }
    // A checkbox is not a text field.
    expect(keyAction(key("Delete", { target: { tagName: "INPUT", type: "checkbox" } }), ctx(1))).toEqual({
      kind: "delete",
      index: 1,
    });
  });

  it("never fires while a modal dialog is open", () => {
    for (const k of [key("f", { ctrlKey: true }), key("z", { ctrlKey: true }), key("ArrowDown"), key("Delete")]) {
      expect(keyAction(k, ctx(1, true))).toBeNull();
    }
  });

  it("leaves arrows to selects, menus and lists, and to elements that took them", () => {
    expect(keyAction(key("ArrowDown", { target: { tagName: "SELECT" } }), ctx(1))).toBeNull();
    const inMenu = { tagName: "BUTTON", closest: (s: string) => (s.includes('[role="menu"]') ? {} : null) };
    expect(keyAction(key("ArrowDown", { target: inMenu }), ctx(1))).toBeNull();
    const plain = { tagName: "BUTTON", closest: () => null };
    expect(keyAction(key("ArrowDown", { target: plain }), ctx(1))).toEqual({ kind: "walk", index: 2 });
    expect(keyAction(key("ArrowDown", { defaultPrevented: true }), ctx(1))).toBeNull();
  });
});

describe("dispatchKey", () => {
  function targets(selected: number, modalOpen = false) {
    return {
      context: () => ctx(selected, modalOpen),
      focusSearch: vi.fn(),
      undo: vi.fn(),
      redo: vi.fn(),
      walkTo: vi.fn(),
      confirmDelete: vi.fn(),
    } satisfies KeyTargets;
  }

  it("runs the action and prevents the default only when a key is taken", () => {
    const t = targets(1);
    const down = key("ArrowDown");
    expect(dispatchKey(down, t)).toBe(true);
    expect(down.prevented).toBe(true);
    expect(t.walkTo).toHaveBeenCalledWith(2);
    const del = key("Delete");
    dispatchKey(del, t);
    expect(t.confirmDelete).toHaveBeenCalledWith(1);
    const find = key("f", { ctrlKey: true });
    dispatchKey(find, t);
    expect(t.focusSearch).toHaveBeenCalledOnce();
    const other = key("q");
    expect(dispatchKey(other, t)).toBe(false);
    expect(other.prevented).toBe(false);
    const modal = targets(1, true);
    const blocked = key("Delete");
    expect(dispatchKey(blocked, modal)).toBe(false);
    expect(modal.confirmDelete).not.toHaveBeenCalled();
  });

  it("walking down into a collapsed team expands it and selects the first report", async () => {
    const backend = fakePlatform();
    const store = new OrgStore(backend);
    new ScenarioStore(backend, store);
    await store.load();
    await store.toggleCollapsed("ann");
    expect(store.layout.isVisible(2)).toBe(false);
    await store.select("ann");
    const walkTo = vi.fn((index: number) => store.select(store.nodes[index]!.id, { focus: true }));
    dispatchKey(key("ArrowDown"), {
      context: () => ({ modalOpen: false, nodes: store.nodes, tree: store.tree, selected: store.selectedIndex }),
      focusSearch: () => {},
      undo: () => {},
      redo: () => {},
      walkTo,
      confirmDelete: () => {},
    });
    await walkTo.mock.results[0]!.value;
    expect(store.selectedId).toBe("bob");
    expect(store.isCollapsed("ann")).toBe(false);
    expect(store.layout.isVisible(2)).toBe(true);
    expect(store.focus?.index).toBe(2);
  });
});

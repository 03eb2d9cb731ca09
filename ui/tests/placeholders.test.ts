import { describe, expect, it } from "vitest";
import type { ChartPlaceholder } from "../src/generated";
import { colouring } from "../src/lib/colour";
import { drawBox, drawEdges, drawSummary, groupHeadcount, LabelCache, type Palette, type Scene } from "../src/lib/chartDraw";
import { dragTo, personHit, press } from "../src/lib/chartGestures";
import { decodeLayout, encodeLayout, type Rect } from "../src/lib/layout";
import { placeholderHover, Placeholders } from "../src/lib/placeholders";
import { OrgStore } from "../src/lib/store.svelte";
import { SubtreeBoxes } from "../src/lib/summary";
import { buildTree } from "../src/lib/tree";
import { setAbsentManagers } from "./fake/chart";
import { fakeBackend, node } from "./fixtures";

/**
 * ceo (0) over ann (1); bob (2) and cat (3) name absent "E900", dan (4)
 * names absent "Dana W", eve (5) under bob. Layout entries 6 and 7 are the
 * placeholders.
 */
function org() {
  const nodes = [
    node(0, "ceo", "Casey Chief", null, 1),
    node(1, "ann", "Ann Archer", 0),
    node(2, "bob", "Bob Baker", null, 1),
    node(3, "cat", "Cat Cooper", null),
    node(4, "dan", "Dan Dunn", null),
    node(5, "eve", "Eve Evans", 2),
  ];
  const list: ChartPlaceholder[] = [
    { index: 6, reference: "E900", members: [2, 3] },
    { index: 7, reference: "Dana W", members: [4] },
  ];
  const rects: Rect[] = [
    { x: 0, y: 0, width: 180, height: 64 },
    { x: 0, y: 112, width: 180, height: 64 },
    { x: 300, y: 112, width: 180, height: 64 },
    { x: 500, y: 112, width: 180, height: 64 },
    { x: 800, y: 112, width: 180, height: 64 },
    { x: 300, y: 224, width: 180, height: 64 },
    { x: 400, y: 0, width: 180, height: 64 },
    { x: 800, y: 0, width: 180, height: 64 },
  ];
  const layout = decodeLayout(encodeLayout(rects), nodes.length + list.length);
  return { nodes, layout, placeholders: new Placeholders(list, nodes.length) };
}

const PALETTE: Palette = {
  bg: "#f8f9fb",
  node: "#fff",
  border: "#c4cad6",
  text: "#1b1f29",
  muted: "#5b6275",
  edge: "#a8afbd",
  accent: "#2f5bea",
  ok: "#1a7f4b",
  bad: "#c0262d",
  font: "sans-serif",
};

/** A canvas context that records every call (name and arguments) and every dash set. */
function recorder() {
  const calls: [string, unknown[]][] = [];
  const target: Record<string, unknown> = {};
  const ctx = new Proxy(target, {
    get(t, key: string) {
      if (key in t) return t[key];
      if (key === "measureText") return (text: string) => ({ width: text.length * 6 });
      return (...args: unknown[]) => calls.push([key, args]);
    },
    set(t, key: string, value) {
      t[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

function scene(ctx: CanvasRenderingContext2D): Scene {
  const { nodes, layout, placeholders } = org();
  return { ctx, nodes, layout, placeholders, collapsed: new Set(), colours: colouring("verdict", nodes), palette: PALETTE, px: 1 };
}

const everywhere = { minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9 };

describe("Not in file placeholders", () => {
  it("know their entries, their members and the chart's top level", () => {
    const { nodes, placeholders } = org();
    expect(placeholders.at(5)).toBeUndefined();
    expect(placeholders.at(6)?.reference).toBe("E900");
    expect([2, 3, 4, 0, 5].map((i) => placeholders.parentOf(i))).toEqual([6, 6, 7, -1, -1]);
    const tree = placeholders.chartTree(buildTree(nodes));
    // Each placeholder stands where its first member was among the roots.
    expect(tree.roots).toEqual([0, 6, 7]);
    expect(tree.children[6]).toEqual([2, 3]);
    expect(tree.children[2]).toEqual([5]);
    expect(Placeholders.none().chartTree(buildTree(nodes)).roots).toEqual([0, 2, 3, 4]);
  });

  it("say who they stand for when hovered", () => {
    const { placeholders } = org();
    expect(placeholderHover(placeholders.at(6)!)).toBe(
      "Not in file: E900 — 2 people report to this manager, who is not in the imported file",
    );
    expect(placeholderHover(placeholders.at(7)!)).toContain("1 person reports to this manager");
  });

  it("are drawn dashed with their reference and count, and joined to their members", () => {
    const { ctx, calls } = recorder();
    const s = scene(ctx);
    drawBox(s, new LabelCache(), 6, false);
    const texts = calls.filter(([name]) => name === "fillText").map(([, args]) => args[0]);
    expect(texts).toEqual(["E900", "Not in file · 2 reports"]);
    expect(calls.some(([name, args]) => name === "setLineDash" && (args[0] as number[]).length > 0)).toBe(true);

    calls.length = 0;
    drawEdges(s, everywhere);
    // Each connector starts at the bottom centre of its parent's box.
    const starts = calls.filter(([name]) => name === "moveTo").map(([, args]) => args);
    expect(starts).toContainEqual([490, 64]); // E900 → bob, cat
    expect(starts.filter(([x, y]) => x === 490 && y === 64)).toHaveLength(2);
    expect(starts).toContainEqual([890, 64]); // Dana W → dan
    expect(starts).toContainEqual([90, 64]); // ceo → ann
    expect(starts).toHaveLength(5);
  });

  it("are summed up below the legible zoom without being counted as a person", () => {
    const { nodes, layout, placeholders } = org();
    const boxes = new SubtreeBoxes(layout, placeholders.chartTree(buildTree(nodes)));
    expect(boxes.roots).toEqual([0, 6, 7]);
    expect(boxes.box(6)).toEqual({ minX: 300, minY: 0, maxX: 680, maxY: 288 });
    expect(boxes.summarise(everywhere, 0.01).groups).toEqual([0, 6, 7]);
    // bob with one report, and cat: three people, the placeholder none.
    expect(groupHeadcount(nodes, [2, 3])).toBe(3);
    const { ctx, calls } = recorder();
    const s = scene(ctx);
    drawSummary(s, boxes, { x: 0, y: 0, scale: 0.5 }, everywhere);
    const texts = calls.filter(([name]) => name === "fillText").map(([, args]) => args[0]);
    expect(texts).toContain("Not in file: E900");
    expect(texts).toContain("3 people");
    expect(calls.some(([name, args]) => name === "setLineDash" && (args[0] as number[]).length > 0)).toBe(true);
  });

  it("are never selected, dragged or dropped on", () => {
    const { layout, nodes } = org();
    // A press on a placeholder pans.
    const hit = layout.hitTest(450, 30);
    expect(hit).toBe(6);
    expect(personHit(hit, nodes.length)).toBe(-1);
    expect(press(personHit(hit, nodes.length), { x: 0, y: 0 }, 1, false).kind).toBe("pan");
    expect(personHit(layout.hitTest(320, 130), nodes.length)).toBe(2);
    // Dragged over a placeholder, a person has no drop target.
    const g = press(1, { x: 0, y: 0 }, 1, false);
    if (g.kind !== "node") throw new Error("a press on a person");
    const over = dragTo(g, { x: 50, y: 50 }, false, () => personHit(6, nodes.length));
    expect(over.kind === "node" && over.target).toBe(-1);
  });
});

describe("the store with placeholders", () => {
  it("loads them with the layout, keeps people-only counts and keeps them through a relayout", async () => {
    // dan is top-level: their file row named "E900", who is not in it.
    const backend = fakeBackend("placeholders");
    setAbsentManagers(backend, { dan: "E900" });
    const store = new OrgStore(backend);
    await store.load();
    expect(store.fatal).toBeNull();
    const dan = store.tree.byId.get("dan")!;
    expect(store.placeholders.list).toEqual([{ index: store.nodes.length, reference: "E900", members: [dan] }]);
    expect(store.layout.length).toBe(store.nodes.length + 1);
    expect(backend.calls).toContain("chartPlaceholders");
    await store.toggleCollapsed("ceo");
    expect(store.layout.length).toBe(store.nodes.length + 1);
    backend.calls.length = 0;
    await store.reloadNodes();
    expect(backend.calls.some((c) => c.startsWith("chartLayout"))).toBe(false);
    expect(store.error).toBeNull();
    // Moving dan under a real manager takes them out of the group.
    await store.move("dan", "ann");
    expect(store.placeholders.count).toBe(0);
    expect(store.layout.length).toBe(store.nodes.length);
  });
});

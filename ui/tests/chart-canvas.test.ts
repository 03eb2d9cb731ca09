// What the chart canvas does, without Svelte or a browser: the renderer
// (lib/chartRenderer.ts) drawing frames on a recording context, the
// release, key and cursor rules of lib/chartGestures.ts and the view
// choices of lib/chartView.ts.
import { describe, expect, it, vi } from "vitest";
import { LabelCache, type Palette } from "../src/lib/chartDraw";
import { chartKey, cursorOf, dragTo, type Gesture, NO_GESTURE, panTo, press, release } from "../src/lib/chartGestures";
import {
  backingSize,
  type ChartFrame,
  ChartRenderer,
  drawFrame,
  edgeWindow,
  type RenderHost,
  ringsOf,
} from "../src/lib/chartRenderer";
import { centreOf, fitChart, hoverCardAt, revealBox } from "../src/lib/chartView";
import { colouring } from "../src/lib/colour";
import { decodeLayout, encodeLayout } from "../src/lib/layout";
import { LEGIBLE_SCALE } from "../src/lib/lod";
import { Placeholders } from "../src/lib/placeholders";
import type { SubtreeBoxes } from "../src/lib/summary";
import { buildTree } from "../src/lib/tree";
import { FIT_PADDING, TOP_INSET, worldToScreen } from "../src/lib/viewport";
import { node } from "./fixtures";

/** ceo (0) over ann (1) and bob (2); ann over cat (3). */
function org() {
  const nodes = [node(0, "ceo", "Casey Chief", null, 2), node(1, "ann", "Ann Archer", 0, 1), node(2, "bob", "Bob Baker", 0), node(3, "cat", "Cat Cooper", 1)];
  const rects = [
    { x: 200, y: 0, width: 180, height: 64 },
    { x: 0, y: 112, width: 180, height: 64 },
    { x: 400, y: 112, width: 180, height: 64 },
    { x: 0, y: 224, width: 180, height: 64 },
  ];
  const layout = decodeLayout(encodeLayout(rects), nodes.length);
  const placeholders = new Placeholders([], nodes.length);
  return { nodes, layout, placeholders, tree: placeholders.chartTree(buildTree(nodes)) };
}

function frame(over: Partial<ChartFrame> = {}): ChartFrame {
  const { nodes, layout, placeholders, tree } = org();
  return {
    nodes,
    layout,
    placeholders,
    tree,
    collapsed: new Set(),
    colours: colouring("verdict", nodes),
    dotted: new Uint32Array(),
    showDotted: true,
    view: { x: -10, y: -10, scale: 1 },
    width: 800,
    height: 600,
    hover: -1,
    selected: -1,
    gesture: NO_GESTURE,
    ...over,
  };
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

/** A canvas context that records every call (name and arguments). */
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
  const named = (name: string) => calls.filter(([n]) => n === name).map(([, args]) => args);
  return { ctx, calls, named };
}

/** A drag of `index` from (0, 0) to (500, 300) over `target` (-1 for none). */
function dragging(index: number, target: number, alone = false): Gesture {
  const g = press(index, { x: 0, y: 0 }, 1, alone);
  if (g.kind !== "node") throw new Error("a press on a person drags them");
  return dragTo(g, { x: 500, y: 300 }, alone, () => target);
}

describe("the rings of a frame", () => {
  const { nodes } = org();
  const base = { nodes, hover: -1, selected: -1, gesture: NO_GESTURE };

  it("ring the hovered person and the selected one", () => {
    expect(ringsOf({ ...base, hover: 2, selected: 1 })).toEqual([
      { index: 2, colour: "edge", width: 2, dash: [] },
      { index: 1, colour: "accent", width: 3, dash: [] },
    ]);
    expect(ringsOf({ ...base, hover: 1, selected: 1 })).toEqual([{ index: 1, colour: "accent", width: 3, dash: [] }]);
    // A placeholder (past the people) is hovered without a ring.
    expect(ringsOf({ ...base, hover: 4 })).toEqual([]);
  });

  it("mark the drop target while dragging, red where the move would make a loop", () => {
    expect(ringsOf({ ...base, hover: 2, gesture: dragging(1, 2) })).toEqual([{ index: 2, colour: "ok", width: 3, dash: [6, 4] }]);
    expect(ringsOf({ ...base, gesture: dragging(0, 3) })[0]?.colour).toBe("bad");
    // Alone, the reports stay behind: one of them can become the manager.
    expect(ringsOf({ ...base, gesture: dragging(0, 3, true) })[0]?.colour).toBe("ok");
    expect(ringsOf({ ...base, gesture: dragging(1, -1) })).toEqual([]);
  });
});

describe("the canvas's geometry", () => {
  it("sizes the backing store in whole device pixels", () => {
    expect(backingSize(801, 600.4, 1.5)).toEqual({ width: 1202, height: 901 });
  });

  it("draws connectors a layer beyond the screen", () => {
    expect(edgeWindow({ minX: 0, minY: 0, maxX: 100, maxY: 100 }, 64)).toEqual({ minX: -200, minY: -200, maxX: 300, maxY: 300 });
  });
});

describe("a frame", () => {
  it("draws every box on screen with its name at a legible zoom", () => {
    const { ctx, named } = recorder();
    const boxes = vi.fn<() => SubtreeBoxes>();
    const drawn = drawFrame(ctx, frame(), 2, PALETTE, new LabelCache(), boxes);
    expect(drawn).toEqual({ labelled: 4, highlighted: 0 });
    expect(named("fillText").map(([text]) => text)).toEqual(expect.arrayContaining(["Casey Chief", "Ann Archer", "Bob Baker", "Cat Cooper"]));
    // CSS pixels for the background, then world units under the view.
    expect(named("setTransform").slice(0, 2)).toEqual([
      [2, 0, 0, 2, 0, 0],
      [2, 0, 0, 2, 20, 20],
    ]);
    expect(boxes).not.toHaveBeenCalled();
  });

  it("sums the org up below the legible zoom, with no box labelled", () => {
    const { ctx } = recorder();
    const summary = { summarise: () => ({ groups: [], skeleton: [] }), kids: [], box: () => null };
    const boxes = vi.fn(() => summary as unknown as SubtreeBoxes);
    expect(drawFrame(ctx, frame({ view: { x: 0, y: 0, scale: 0.5 } }), 1, PALETTE, new LabelCache(), boxes).labelled).toBe(0);
    expect(boxes).toHaveBeenCalledOnce();
  });

  it("draws the dotted lines only when they are shown", () => {
    const dotted = new Uint32Array([0, 3]);
    const dashes = (showDotted: boolean) => {
      const { ctx, named } = recorder();
      drawFrame(ctx, frame({ dotted, showDotted }), 1, PALETTE, new LabelCache(), vi.fn());
      return named("setLineDash").filter(([dash]) => (dash as number[]).join() === "6,4").length;
    };
    expect(dashes(true)).toBe(1);
    expect(dashes(false)).toBe(0);
  });

  it("rings the highlighted boxes it draws, dashed, and counts them", () => {
    const { ctx, named } = recorder();
    // 7 is no box of this org: only drawn boxes are ringed.
    const drawn = drawFrame(ctx, frame({ highlighted: new Set([1, 3, 7]), selected: 1 }), 1, PALETTE, new LabelCache(), vi.fn());
    expect(drawn.highlighted).toBe(2);
    const dashes = named("setLineDash").filter(([dash]) => (dash as number[]).join() === "5,3");
    expect(dashes).toHaveLength(2);
  });

  it("draws the dragged person's card under the pointer", () => {
    const { ctx, named } = recorder();
    drawFrame(ctx, frame({ gesture: dragging(1, -1) }), 1, PALETTE, new LabelCache(), vi.fn());
    // The pointer at (500, 300) on screen is (490, 290) in the world; the card is 180 wide.
    expect(named("fillText")).toContainEqual(["Ann Archer", 410, 294]);
  });
});

/** A host whose animation frames run when the test says. */
function fakeHost() {
  const queued = new Map<number, () => void>();
  let next = 1;
  const host: RenderHost & { palettes: number; cancelled: number[]; runFrames(): void; queued: Map<number, () => void> } = {
    palettes: 0,
    cancelled: [],
    queued,
    pixelRatio: () => 2,
    readPalette: () => {
      host.palettes++;
      return PALETTE;
    },
    requestFrame: (draw) => {
      queued.set(next, draw);
      return next++;
    },
    cancelFrame: (id) => {
      host.cancelled.push(id);
      queued.delete(id);
    },
    runFrames: () => {
      const due = [...queued.values()];
      queued.clear();
      for (const draw of due) draw();
    },
  };
  return host;
}

function fakeCanvas() {
  const { ctx, named } = recorder();
  const getContext = vi.fn(() => ctx);
  const canvas = { width: 0, height: 0, dataset: {} as Record<string, string>, getContext };
  return { canvas, element: canvas as unknown as HTMLCanvasElement, named };
}

describe("the renderer", () => {
  it("draws the latest frame once per animation frame, on a canvas sized to the device", () => {
    const host = fakeHost();
    const { canvas, element } = fakeCanvas();
    const renderer = new ChartRenderer(() => element, host);
    renderer.request(frame({ width: 800 }));
    renderer.request(frame({ width: 400, height: 300 }));
    expect(host.queued.size).toBe(1);
    expect(canvas.getContext).not.toHaveBeenCalled();
    host.runFrames();
    expect(canvas.getContext).toHaveBeenCalledOnce();
    expect([canvas.width, canvas.height]).toEqual([800, 600]);
    // Bob, at x 400, is off the latest frame's 400-wide screen.
    expect(canvas.dataset.labelled).toBe("3");
  });

  it("draws nothing before the canvas has a size", () => {
    const host = fakeHost();
    const { canvas, element } = fakeCanvas();
    const renderer = new ChartRenderer(() => element, host);
    renderer.request(frame({ width: 0, height: 0 }));
    host.runFrames();
    expect(canvas.getContext).not.toHaveBeenCalled();
  });

  it("reads the palette once, and again when the colour scheme changes", () => {
    const host = fakeHost();
    const { element } = fakeCanvas();
    const renderer = new ChartRenderer(() => element, host);
    renderer.request(frame());
    host.runFrames();
    renderer.request(frame({ selected: 1 }));
    host.runFrames();
    expect(host.palettes).toBe(1);
    renderer.themeChanged();
    expect(host.queued.size).toBe(1);
    host.runFrames();
    expect(host.palettes).toBe(2);
  });

  it("drops its pending frame when disposed", () => {
    const host = fakeHost();
    const { canvas, element } = fakeCanvas();
    const renderer = new ChartRenderer(() => element, host);
    renderer.request(frame());
    renderer.dispose();
    expect(host.cancelled).toEqual([1]);
    host.runFrames();
    expect(canvas.getContext).not.toHaveBeenCalled();
  });
});

describe("releasing the pointer", () => {
  const { nodes } = org();
  const at = { x: 0, y: 0 };

  it("selects the person clicked, or no one on a click on the background", () => {
    expect(release(nodes, press(2, at, 1, false), false)).toEqual({ kind: "select", id: "bob" });
    expect(release(nodes, press(-1, at, 1, false), false)).toEqual({ kind: "select", id: null });
    expect(release(nodes, { kind: "pan", start: at, last: at, moved: true, pointer: 1 }, false)).toEqual({ kind: "none" });
    expect(release(nodes, NO_GESTURE, false)).toEqual({ kind: "none" });
  });

  it("moves a person dropped on a new manager, alone with Shift when they have reports", () => {
    expect(release(nodes, dragging(1, 2), false)).toEqual({ kind: "move", person: "ann", manager: "bob", alone: false });
    expect(release(nodes, dragging(1, 2, true), true)).toEqual({ kind: "move", person: "ann", manager: "bob", alone: true });
    // bob has no reports: alone or not, the same move.
    expect(release(nodes, dragging(2, 1, true), true)).toEqual({ kind: "move", person: "bob", manager: "ann", alone: false });
  });

  it("does nothing when dropped on the current manager or on no one", () => {
    expect(release(nodes, dragging(1, 0), false)).toEqual({ kind: "none" });
    expect(release(nodes, dragging(1, -1), false)).toEqual({ kind: "none" });
  });
});

describe("the cursor", () => {
  const { nodes } = org();
  const at = { x: 0, y: 0 };

  it("offers to grab the chart, and points at people", () => {
    expect(cursorOf(nodes, NO_GESTURE, false)).toBe("grab");
    expect(cursorOf(nodes, NO_GESTURE, true)).toBe("pointer");
    expect(cursorOf(nodes, press(1, at, 1, false), true)).toBe("grab");
    expect(cursorOf(nodes, { kind: "pan", start: at, last: at, moved: true, pointer: 1 }, false)).toBe("grabbing");
  });

  it("says whether a drop is allowed", () => {
    expect(cursorOf(nodes, dragging(1, -1), false)).toBe("grabbing");
    expect(cursorOf(nodes, dragging(1, 2), false)).toBe("copy");
    expect(cursorOf(nodes, dragging(0, 3), false)).toBe("not-allowed");
  });
});

describe("the chart's keys", () => {
  it("zoom, fit and pan with no one selected", () => {
    expect(chartKey("+", false, false)).toEqual({ kind: "zoom-in" });
    expect(chartKey("=", true, false)).toEqual({ kind: "zoom-in" });
    expect(chartKey("_", false, false)).toEqual({ kind: "zoom-out" });
    expect(chartKey("0", false, false)).toEqual({ kind: "fit" });
    expect(chartKey("ArrowLeft", false, false)).toEqual({ kind: "pan", dx: 60, dy: 0 });
    expect(chartKey("ArrowDown", false, false)).toEqual({ kind: "pan", dx: 0, dy: -60 });
    expect(chartKey("a", false, false)).toBeNull();
  });

  it("leave the arrows to the chart walk and toggle the team with someone selected", () => {
    expect(chartKey("ArrowUp", true, false)).toBeNull();
    expect(chartKey("Enter", true, false)).toEqual({ kind: "toggle-collapsed" });
    expect(chartKey(" ", false, false)).toBeNull();
  });

  it("let Escape drop a gesture first, then the selection", () => {
    expect(chartKey("Escape", true, true)).toEqual({ kind: "cancel-gesture" });
    expect(chartKey("Escape", true, false)).toEqual({ kind: "deselect" });
  });
});

describe("panning", () => {
  it("is a click until the pointer travels past the threshold, and stays a pan after", () => {
    const g = press(-1, { x: 0, y: 0 }, 1, false);
    if (g.kind !== "pan") throw new Error("a press on the background pans");
    const near = panTo(g, { x: 3, y: 3 });
    expect(near).toMatchObject({ moved: false, last: { x: 3, y: 3 } });
    const far = panTo(near, { x: 10, y: 0 });
    expect(far.moved).toBe(true);
    expect(panTo(far, { x: 0, y: 0 }).moved).toBe(true);
  });
});

describe("the chart's view", () => {
  /** `count` boxes in a row, 200 apart, all roots. */
  function row(count: number) {
    const rects = Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 64 }));
    return decodeLayout(encodeLayout(rects), count);
  }

  it("fits a small org whole, and waits for a layout and a size", () => {
    const { layout } = org();
    const view = fitChart(layout, [0], 800, 600);
    expect(view?.scale).toBeGreaterThanOrEqual(LEGIBLE_SCALE);
    expect(fitChart(layout, [0], 0, 600)).toBeNull();
    expect(fitChart(row(0), [], 800, 600)).toBeNull();
  });

  it("opens a wide org at the legible zoom on its one top person, or from the left with many tops", () => {
    const layout = row(40);
    const one = fitChart(layout, [20], 800, 600);
    expect(one?.scale).toBe(LEGIBLE_SCALE);
    // Person 20's centre (4090) in the middle of the screen, under the toolbars' inset.
    expect(worldToScreen(one!, { x: 4090, y: 0 }).x).toBeCloseTo(400);
    const many = fitChart(layout, [20, 21], 800, 600);
    expect(many?.scale).toBe(LEGIBLE_SCALE);
    expect(many?.x).toBeCloseTo(-FIT_PADDING / LEGIBLE_SCALE);
    expect(many?.y).toBeCloseTo(-(FIT_PADDING + TOP_INSET) / LEGIBLE_SCALE);
  });

  it("zooms to a legible box a little above the middle, and moves only for a box off screen", () => {
    const box = { x: 1000, y: 500, width: 180, height: 64 };
    const zoomedIn = revealBox({ x: 0, y: 0, scale: 0.2 }, box, 800, 600);
    expect(zoomedIn.scale).toBe(1);
    const centre = worldToScreen(zoomedIn, centreOf(box)!);
    expect([centre.x, centre.y]).toEqual([400, 300 - 0.15 * 600]);
    const onScreen = { x: 900, y: 400, scale: 1 };
    expect(revealBox(onScreen, box, 800, 600)).toBe(onScreen);
    const moved = revealBox({ x: 0, y: 0, scale: 1 }, box, 800, 600);
    expect(worldToScreen(moved, centreOf(box)!)).toEqual({ x: 400, y: 300 });
  });

  it("keeps the hover card inside the chart", () => {
    expect(hoverCardAt({ x: 100, y: 100 }, 800, 600)).toEqual({ x: 114, y: 118 });
    expect(hoverCardAt({ x: 790, y: 590 }, 800, 600)).toEqual({ x: 540, y: 540 });
    expect(hoverCardAt({ x: 50, y: 20 }, 100, 40)).toEqual({ x: 0, y: 0 });
  });
});

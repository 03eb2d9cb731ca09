import { describe, expect, it } from "vitest";
import { dragHint, dragTo, dropAllowed, edgeScroll, press, type Gesture } from "../src/lib/chartGestures";
import { LEGIBLE_SCALE } from "../src/lib/lod";
import { roomToFill } from "../src/lib/openView";
import { OrgStore } from "../src/lib/store.svelte";
import { FIT_PADDING, TOP_INSET } from "../src/lib/viewport";
import { fakePlatform, smallOrg } from "./fixtures";

// smallOrg: ceo(0) -> (ann(1) -> bob(2), cat(3)), dan(4)
const nodes = smallOrg();

function dragging(index: number, target: number, alone = false): Gesture {
  const start = press(index, { x: 0, y: 0 }, 1, alone);
  if (start.kind !== "node") throw new Error("a press on a node");
  return dragTo(start, { x: 50, y: 50 }, alone, () => target);
}

describe("dragging a person", () => {
  it("names the target in the hint", () => {
    expect(dragHint(nodes, dragging(4, 1))).toBe("Move Dan Diaz under Ann Archer.");
    expect(dragHint(nodes, dragging(4, -1))).toBe("Drop Dan Diaz on their new manager.");
    expect(dragHint(nodes, dragging(2, 0))).toBe("Move Bob Baker under Casey Chief.");
    expect(dragHint(nodes, dragging(2, 1))).toBe("Bob Baker already reports to Ann Archer.");
  });

  it("says why a drop onto one's own report is refused, unless moving alone", () => {
    expect(dropAllowed(nodes, dragging(1, 2))).toBe(false);
    expect(dragHint(nodes, dragging(1, 2))).toBe("Ann Archer can't move under Bob Baker: Bob Baker reports to Ann Archer.");
    expect(dropAllowed(nodes, dragging(1, 2, true))).toBe(true);
    expect(dragHint(nodes, dragging(1, 4, true))).toBe(
      "Move Ann Archer alone under Dan Diaz; their 2 direct reports stay with Casey Chief.",
    );
  });

  it("only becomes a drag past the threshold", () => {
    const start = press(4, { x: 0, y: 0 }, 1, false);
    if (start.kind !== "node") throw new Error("a press on a node");
    const small = dragTo(start, { x: 2, y: 2 }, false, () => 1);
    expect(small.kind === "node" && small.dragging).toBe(false);
    expect(dragHint(nodes, small)).toBe("");
    expect(press(-1, { x: 0, y: 0 }, 1, false).kind).toBe("pan");
  });

  it("scrolls the chart near its edges, faster closer in", () => {
    expect(edgeScroll({ x: 400, y: 300 }, 800, 600)).toEqual({ x: 0, y: 0 });
    const left = edgeScroll({ x: 10, y: 300 }, 800, 600);
    expect(left.x).toBeGreaterThan(0);
    expect(left.y).toBe(0);
    expect(edgeScroll({ x: 0, y: 300 }, 800, 600).x).toBeGreaterThan(left.x);
    const bottomRight = edgeScroll({ x: 795, y: 598 }, 800, 600);
    expect(bottomRight.x).toBeLessThan(0);
    expect(bottomRight.y).toBeLessThan(0);
  });
});

describe("the first view", () => {
  it("fills the chart less the fit's padding, or guesses from the window", () => {
    expect(roomToFill({ width: 900, height: 700 }, { width: 1, height: 1 })).toEqual({
      width: 900 - 2 * FIT_PADDING,
      height: 700 - 2 * FIT_PADDING - TOP_INSET,
    });
    const guessed = roomToFill({ width: 0, height: 0 }, { width: 1280, height: 800 });
    expect(guessed.width).toBeLessThan(1280);
    expect(guessed.height).toBeLessThan(800);
  });

  it("asks the backend for the layers that fit the chart, at the legible zoom, on open and after an import", async () => {
    const backend = fakePlatform();
    const store = new OrgStore(backend);
    store.chartRoom = { width: 1000, height: 700 };
    await store.load();
    const asked = `chartOpenView:${1000 - 2 * FIT_PADDING}x${700 - 2 * FIT_PADDING - TOP_INSET}@${LEGIBLE_SCALE}`;
    expect(backend.calls).toContain(asked);
    backend.calls.length = 0;
    await store.showNewOrg();
    expect(backend.calls[0]).toBe(asked);
    backend.calls.length = 0;
    await store.collapseToDepth();
    expect(backend.calls).toContain(asked);
  });
});

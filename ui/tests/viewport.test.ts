import { LEGIBLE_SCALE } from "../src/lib/lod";
import { describe, expect, it } from "vitest";
import {
  centerOn,
  clampScale,
  fitBounds,
  fitReadable,
  FIT_PADDING,
  keepInView,
  MAX_SCALE,
  MIN_SCALE,
  pan,
  screenToWorld,
  wheelFactor,
  worldToScreen,
  zoomAt,
  type Viewport,
} from "../src/lib/viewport";

const v: Viewport = { x: 100, y: 50, scale: 2 };

describe("viewport maths", () => {
  it("maps world to screen and back", () => {
    const world = { x: 130, y: 70 };
    const screen = worldToScreen(v, world);
    expect(screen).toEqual({ x: 60, y: 40 });
    expect(screenToWorld(v, screen)).toEqual(world);
  });

  it("pans by screen pixels regardless of zoom", () => {
    const moved = pan(v, 20, -10);
    expect(worldToScreen(moved, { x: 130, y: 70 })).toEqual({ x: 80, y: 30 });
  });

  it("zooms around the anchor point", () => {
    const anchor = { x: 300, y: 200 };
    const before = screenToWorld(v, anchor);
    const zoomed = zoomAt(v, anchor, 1.5);
    expect(zoomed.scale).toBeCloseTo(3);
    const after = screenToWorld(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("clamps the scale", () => {
    expect(zoomAt(v, { x: 0, y: 0 }, 1000).scale).toBe(MAX_SCALE);
    expect(zoomAt(v, { x: 0, y: 0 }, 0.00001).scale).toBe(MIN_SCALE);
    expect(clampScale(Number.NaN)).toBe(1);
  });

  it("turns wheel deltas into zoom factors", () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(100) * wheelFactor(-100)).toBeCloseTo(1);
    // Line mode scrolls are scaled up, and huge deltas are capped.
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48));
    expect(wheelFactor(1e6)).toBeCloseTo(wheelFactor(400));
  });

  it("fits bounds inside the screen, centred", () => {
    const bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 500 };
    const fitted = fitBounds(bounds, 600, 400, 50);
    expect(fitted.scale).toBeCloseTo(0.5);
    const topLeft = worldToScreen(fitted, { x: 0, y: 0 });
    const bottomRight = worldToScreen(fitted, { x: 1000, y: 500 });
    expect(topLeft.x).toBeCloseTo(50);
    expect(bottomRight.x).toBeCloseTo(550);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(200);
  });

  it("does not blow up tiny charts when fitting", () => {
    const fitted = fitBounds({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, 800, 600);
    expect(fitted.scale).toBe(1.5);
  });

  it("centres a point without changing the scale", () => {
    const centred = centerOn(v, { x: 500, y: 500 }, 800, 600);
    expect(centred.scale).toBe(2);
    expect(worldToScreen(centred, { x: 500, y: 500 })).toEqual({ x: 400, y: 300 });
  });
});

describe("readable fit", () => {
  it("fits a small chart whole, like fitBounds", () => {
    const bounds = { minX: 0, minY: 0, maxX: 800, maxY: 400 };
    expect(fitReadable(bounds, 1000, 600, null)).toEqual(fitBounds(bounds, 1000, 600));
  });

  it("stops at the legible zoom and shows the top of a huge chart", () => {
    // 450 boxes on a line: fitting it whole would be zoom 0.01.
    const bounds = { minX: 0, minY: 0, maxX: 88_000, maxY: 64 };
    expect(fitBounds(bounds, 1000, 600).scale).toBeLessThan(0.02);
    const v = fitReadable(bounds, 1000, 600, null);
    expect(v.scale).toBe(LEGIBLE_SCALE);
    expect(worldToScreen(v, { x: 0, y: 0 })).toEqual({ x: FIT_PADDING, y: FIT_PADDING });
    // Clear of the toolbars over the chart's top.
    const below = fitReadable(bounds, 1000, 600, null, LEGIBLE_SCALE, FIT_PADDING, 48);
    expect(worldToScreen(below, { x: 0, y: 0 }).y).toBeCloseTo(FIT_PADDING + 48);
    const small = fitReadable({ minX: 0, minY: 0, maxX: 800, maxY: 400 }, 1000, 600, null, LEGIBLE_SCALE, FIT_PADDING, 48);
    expect(worldToScreen(small, { x: 0, y: 0 }).y).toBeGreaterThanOrEqual(FIT_PADDING + 48 - 1e-6);
  });

  it("centres on the anchor but never past the chart's edges", () => {
    const bounds = { minX: 0, minY: 0, maxX: 10_000, maxY: 5_000 };
    const mid = fitReadable(bounds, 1000, 600, { x: 5_000, y: 0 });
    expect(worldToScreen(mid, { x: 5_000, y: 0 }).x).toBeCloseTo(500);
    const nearLeft = fitReadable(bounds, 1000, 600, { x: 100, y: 0 });
    expect(worldToScreen(nearLeft, { x: 0, y: 0 }).x).toBeCloseTo(FIT_PADDING);
    const nearRight = fitReadable(bounds, 1000, 600, { x: 9_990, y: 0 });
    expect(worldToScreen(nearRight, { x: 10_000, y: 0 }).x).toBeCloseTo(1000 - FIT_PADDING);
  });
});

describe("keepInView", () => {
  const v = { x: 0, y: 0, scale: 1 };
  it("leaves a box on screen where it is", () => {
    expect(keepInView(v, { x: 100, y: 100, width: 180, height: 64 }, 800, 600)).toBeNull();
  });
  it("centres a box off screen, at the same zoom", () => {
    const moved = keepInView(v, { x: 2000, y: 900, width: 180, height: 64 }, 800, 600);
    expect(moved?.scale).toBe(1);
    expect(worldToScreen(moved!, { x: 2090, y: 932 })).toEqual({ x: 400, y: 300 });
    // Half out at the edge counts as out.
    expect(keepInView(v, { x: 700, y: 100, width: 180, height: 64 }, 800, 600)).not.toBeNull();
  });
});

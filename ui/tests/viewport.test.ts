import { describe, expect, it } from "vitest";
import {
  centerOn,
  clampScale,
  fitBounds,
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

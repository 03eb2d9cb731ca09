import { describe, expect, it } from "vitest";
import type { Bounds } from "../src/lib/layout";
import { ChartLayout, encodeLayout, decodeLayout, type Rect } from "../src/lib/layout";
import { SpatialIndex } from "../src/lib/spatial";

/** A deterministic pseudo-random generator (tests must not flake). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomRects(n: number, seed: number, wide = false): Array<Rect | null> {
  const r = rng(seed);
  return Array.from({ length: n }, () =>
    r() < 0.1
      ? null
      : {
          x: (r() - 0.3) * (wide ? 200_000 : 5_000),
          y: (r() - 0.3) * 3_000,
          width: 20 + r() * 200,
          height: 10 + r() * 80,
        },
  );
}

function bruteSearch(rects: Array<Rect | null>, w: Bounds): number[] {
  const out: number[] = [];
  rects.forEach((r, i) => {
    if (r && r.x <= w.maxX && r.x + r.width >= w.minX && r.y <= w.maxY && r.y + r.height >= w.minY) out.push(i);
  });
  return out;
}

function bruteHit(rects: Array<Rect | null>, x: number, y: number): number {
  for (let i = rects.length - 1; i >= 0; i--) {
    const r = rects[i];
    if (r && x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height) return i;
  }
  return -1;
}

function layoutOf(rects: Array<Rect | null>): ChartLayout {
  return decodeLayout(encodeLayout(rects), rects.length);
}

describe("SpatialIndex", () => {
  for (const [seed, wide] of [[1, false], [2, true], [3, false], [4, true]] as const) {
    it(`finds exactly what a brute-force scan finds (seed ${seed}${wide ? ", wide" : ""})`, () => {
      const rects = randomRects(2_000, seed, wide);
      const layout = layoutOf(rects);
      const r = rng(seed + 100);
      // Rounded through f32 like the real layout.
      const stored = rects.map((_, i) => layout.rect(i));
      for (let q = 0; q < 200; q++) {
        const cx = (r() - 0.3) * (wide ? 200_000 : 5_000);
        const cy = (r() - 0.3) * 3_000;
        const window = { minX: cx, minY: cy, maxX: cx + r() * 3_000, maxY: cy + r() * 1_000 };
        expect(layout.index.search(window)).toEqual(bruteSearch(stored, window));
        expect(layout.hitTest(cx, cy)).toBe(bruteHit(stored, cx, cy));
      }
    });
  }

  it("has the bounds of the visible rectangles only", () => {
    const layout = layoutOf([{ x: 0, y: 0, width: 100, height: 50 }, null, { x: -20, y: 200, width: 10, height: 10 }]);
    expect(layout.bounds()).toEqual({ minX: -20, minY: 0, maxX: 100, maxY: 210 });
    expect(layoutOf([null]).bounds()).toBeNull();
    expect(ChartLayout.empty().hitTest(0, 0)).toBe(-1);
  });

  it("visits each item once even when rectangles span many cells", () => {
    const rects = new Float32Array([0, 0, 1000, 1000, 10, 10, 1, 1, 500, 500, 1, 1, 900, 900, 1, 1]);
    const index = new SpatialIndex(rects);
    expect(index.search({ minX: -1, minY: -1, maxX: 2000, maxY: 2000 })).toEqual([0, 1, 2, 3]);
    expect(index.hitTest(500.5, 500.5)).toBe(2);
    expect(index.hitTest(600, 600)).toBe(0);
  });
});

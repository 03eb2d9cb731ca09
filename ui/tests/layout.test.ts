import { describe, expect, it } from "vitest";
import { BYTES_PER_NODE, ChartLayout, decodeLayout, encodeLayout } from "../src/lib/layout";

function rustBytes(values: number[]): ArrayBuffer {
  // What `ChartLayout::to_bytes` produces: little-endian f32s.
  const buffer = new ArrayBuffer(values.length * 4);
  const view = new DataView(buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return buffer;
}

describe("decodeLayout", () => {
  it("reads little-endian f32 quintuples in node order", () => {
    const layout = decodeLayout(rustBytes([10, 20, 180, 60, NaN, -5.5, 100, 180, 60, -13.5]), 2);
    expect(layout.length).toBe(2);
    expect(layout.rect(0)).toEqual({ x: 10, y: 20, width: 180, height: 60 });
    expect(layout.rect(1)).toEqual({ x: -5.5, y: 100, width: 180, height: 60 });
    expect(layout.spine(0)).toBeNaN();
    expect(layout.spine(1)).toBe(-13.5);
  });

  it("treats NaN positions as hidden (collapsed subtrees)", () => {
    const layout = decodeLayout(rustBytes([0, 0, 100, 50, NaN, NaN, NaN, 100, 50, NaN]), 2);
    expect(layout.isVisible(0)).toBe(true);
    expect(layout.isVisible(1)).toBe(false);
    expect(layout.rect(1)).toBeNull();
    expect(layout.bounds()).toEqual({ minX: 0, minY: 0, maxX: 100, maxY: 50 });
  });

  it("refuses a buffer that does not match the node count", () => {
    expect(() => decodeLayout(new ArrayBuffer(BYTES_PER_NODE * 3), 2)).toThrow(/expected 40/);
    expect(() => decodeLayout(new ArrayBuffer(7), 0)).toThrow();
  });

  it("does not alias the IPC buffer", () => {
    const buffer = rustBytes([1, 2, 3, 4, NaN]);
    const layout = decodeLayout(buffer, 1);
    new DataView(buffer).setFloat32(0, 99, true);
    expect(layout.x(0)).toBe(1);
  });
});

describe("ChartLayout.hitTest", () => {
  const layout = decodeLayout(
    encodeLayout([
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 200, y: 0, width: 100, height: 50 },
      null,
    ]),
    3,
  );

  it("finds the node under a world point, edges inclusive", () => {
    expect(layout.hitTest(50, 25)).toBe(0);
    expect(layout.hitTest(100, 50)).toBe(0);
    expect(layout.hitTest(250, 10)).toBe(1);
  });

  it("misses gaps and hidden nodes", () => {
    expect(layout.hitTest(150, 25)).toBe(-1);
    expect(layout.hitTest(Number.NaN, 0)).toBe(-1);
  });

  it("has no bounds when nothing is visible", () => {
    expect(ChartLayout.empty().bounds()).toBeNull();
  });
});

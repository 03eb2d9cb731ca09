// The chart layout as it crosses IPC: little-endian f32 quintuples
// (x, y, width, height, spine) per node in node index order. x/y are NaN for
// nodes hidden under a collapsed manager; spine is the x of the connector a
// box stacked under its manager hangs from (NaN when it is not stacked).

import { SpatialIndex } from "./spatial";

export const FLOATS_PER_NODE = 5;
export const BYTES_PER_NODE = FLOATS_PER_NODE * 4;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A decoded layout: one rectangle per node, NaN position when hidden. */
export class ChartLayout {
  readonly data: Float32Array;

  constructor(data: Float32Array) {
    if (data.length % FLOATS_PER_NODE !== 0) {
      throw new Error(`layout has ${data.length} floats, not a multiple of ${FLOATS_PER_NODE}`);
    }
    this.data = data;
  }

  static empty(): ChartLayout {
    return new ChartLayout(new Float32Array(0));
  }

  get length(): number {
    return this.data.length / FLOATS_PER_NODE;
  }

  x(i: number): number {
    return this.data[i * FLOATS_PER_NODE] ?? Number.NaN;
  }
  y(i: number): number {
    return this.data[i * FLOATS_PER_NODE + 1] ?? Number.NaN;
  }
  width(i: number): number {
    return this.data[i * FLOATS_PER_NODE + 2] ?? 0;
  }
  height(i: number): number {
    return this.data[i * FLOATS_PER_NODE + 3] ?? 0;
  }

  /** The x of the spine a stacked box hangs from, NaN when not stacked. */
  spine(i: number): number {
    return this.data[i * FLOATS_PER_NODE + 4] ?? Number.NaN;
  }

  isVisible(i: number): boolean {
    return i >= 0 && i < this.length && Number.isFinite(this.x(i)) && Number.isFinite(this.y(i));
  }

  rect(i: number): Rect | null {
    if (!this.isVisible(i)) return null;
    return { x: this.x(i), y: this.y(i), width: this.width(i), height: this.height(i) };
  }

  /** The spatial index of the visible nodes, built on first use. */
  get index(): SpatialIndex {
    this.#index ??= new SpatialIndex(this.data, FLOATS_PER_NODE);
    return this.#index;
  }
  #index: SpatialIndex | undefined;

  /** Bounds of the visible nodes, or null when none is visible. */
  bounds(): Bounds | null {
    return this.index.bounds;
  }

  /** Calls `visit` for each visible node intersecting the world window. */
  query(window: Bounds, visit: (i: number) => void): void {
    this.index.query(window, visit);
  }

  /**
   * The topmost visible node containing the world point, or -1. Later nodes
   * are drawn on top, so they win.
   */
  hitTest(wx: number, wy: number): number {
    return this.index.hitTest(wx, wy);
  }
}

function littleEndianHost(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/**
 * Decodes the binary layout for `nodeCount` nodes. Throws when the byte
 * length does not match, so a stale layout is never drawn against new nodes.
 */
export function decodeLayout(buffer: ArrayBuffer, nodeCount: number): ChartLayout {
  const expected = nodeCount * BYTES_PER_NODE;
  if (buffer.byteLength !== expected) {
    throw new Error(
      `layout is ${buffer.byteLength} bytes, expected ${expected} for ${nodeCount} nodes`,
    );
  }
  if (littleEndianHost()) {
    // Copy so the view is aligned and owns its memory.
    return new ChartLayout(new Float32Array(buffer.slice(0)));
  }
  const view = new DataView(buffer);
  const floats = new Float32Array(nodeCount * FLOATS_PER_NODE);
  for (let i = 0; i < floats.length; i++) floats[i] = view.getFloat32(i * 4, true);
  return new ChartLayout(floats);
}

/** Encodes rectangles the way the Rust side does (used by tests and mocks). */
export function encodeLayout(rects: ReadonlyArray<(Rect & { spine?: number }) | null>): ArrayBuffer {
  const buffer = new ArrayBuffer(rects.length * BYTES_PER_NODE);
  const view = new DataView(buffer);
  rects.forEach((r, i) => {
    const base = i * BYTES_PER_NODE;
    view.setFloat32(base, r ? r.x : Number.NaN, true);
    view.setFloat32(base + 4, r ? r.y : Number.NaN, true);
    view.setFloat32(base + 8, r ? r.width : 0, true);
    view.setFloat32(base + 12, r ? r.height : 0, true);
    view.setFloat32(base + 16, r?.spine ?? Number.NaN, true);
  });
  return buffer;
}

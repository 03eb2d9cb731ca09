// A uniform grid over rectangles, built once per layout, so a frame at 100k
// people costs O(visible) and hit-testing O(1) on average. The grid's shape
// follows the chart's aspect ratio (a wide, shallow tree gets many columns
// and few rows). Each rectangle is filed under the cell of its top-left
// corner; queries widen their window by the largest width/height to still
// find rectangles that start in a neighbouring cell.

import type { Bounds } from "./layout";

/** Aim for about this many rectangles per cell. */
const PER_CELL = 4;

export class SpatialIndex {
  readonly bounds: Bounds | null;
  readonly count: number;
  readonly #x: Float32Array;
  readonly #y: Float32Array;
  readonly #w: Float32Array;
  readonly #h: Float32Array;
  readonly #cols: number;
  readonly #rows: number;
  readonly #cellW: number;
  readonly #cellH: number;
  readonly #maxW: number;
  readonly #maxH: number;
  /** CSR: items of cell c are #items[#start[c] .. #start[c + 1]]. */
  readonly #start: Uint32Array;
  readonly #items: Uint32Array;

  /**
   * `rects` holds (x, y, width, height) per item; items with a non-finite
   * x or y are left out (hidden nodes).
   */
  constructor(rects: Float32Array, stride = 4) {
    const total = Math.floor(rects.length / stride);
    // Plain loops over typed arrays: this runs once per layout at 100k.
    const ids = new Uint32Array(total);
    let n = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let maxW = 0;
    let maxH = 0;
    const xs = new Float32Array(total);
    const ys = new Float32Array(total);
    const ws = new Float32Array(total);
    const hs = new Float32Array(total);
    for (let i = 0; i < total; i++) {
      const x = rects[i * stride] as number;
      const y = rects[i * stride + 1] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const w = rects[i * stride + 2] as number;
      const h = rects[i * stride + 3] as number;
      xs[i] = x;
      ys[i] = y;
      ws[i] = w;
      hs[i] = h;
      ids[n++] = i;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x + w > maxX) maxX = x + w;
      if (y + h > maxY) maxY = y + h;
      if (w > maxW) maxW = w;
      if (h > maxH) maxH = h;
    }
    this.count = n;
    this.bounds = n === 0 ? null : { minX, minY, maxX, maxY };
    this.#x = xs;
    this.#y = ys;
    this.#w = ws;
    this.#h = hs;
    this.#maxW = maxW;
    this.#maxH = maxH;
    const spanX = Math.max(1, maxX - minX);
    const spanY = Math.max(1, maxY - minY);
    const cells = Math.max(1, Math.ceil(n / PER_CELL));
    const cols = Math.max(1, Math.min(cells, Math.round(Math.sqrt((cells * spanX) / spanY))));
    const rows = Math.max(1, Math.min(cells, Math.round(cells / cols)));
    this.#cols = cols;
    this.#rows = rows;
    this.#cellW = spanX / cols;
    this.#cellH = spanY / rows;
    const cellOf = new Uint32Array(n);
    const counts = new Uint32Array(cols * rows + 1);
    for (let k = 0; k < n; k++) {
      const i = ids[k] as number;
      const c = this.#cell(xs[i] as number, ys[i] as number);
      cellOf[k] = c;
      counts[c + 1] = (counts[c + 1] as number) + 1;
    }
    for (let c = 1; c < counts.length; c++) counts[c] = (counts[c] as number) + (counts[c - 1] as number);
    this.#start = counts;
    this.#items = new Uint32Array(n);
    const fill = counts.slice(0, cols * rows);
    for (let k = 0; k < n; k++) {
      const c = cellOf[k] as number;
      this.#items[fill[c] as number] = ids[k] as number;
      fill[c] = (fill[c] as number) + 1;
    }
  }

  #col(x: number): number {
    const b = this.bounds;
    if (!b) return 0;
    return Math.min(this.#cols - 1, Math.max(0, Math.floor((x - b.minX) / this.#cellW)));
  }
  #row(y: number): number {
    const b = this.bounds;
    if (!b) return 0;
    return Math.min(this.#rows - 1, Math.max(0, Math.floor((y - b.minY) / this.#cellH)));
  }
  #cell(x: number, y: number): number {
    return this.#row(y) * this.#cols + this.#col(x);
  }

  /**
   * Calls `visit(i)` for every item intersecting the window (edges touching
   * count), each once, in no particular order.
   */
  query(window: Bounds, visit: (i: number) => void): void {
    const b = this.bounds;
    if (!b || window.maxX < b.minX || window.minX > b.maxX || window.maxY < b.minY || window.minY > b.maxY) return;
    const c0 = this.#col(window.minX - this.#maxW);
    const c1 = this.#col(window.maxX);
    const r0 = this.#row(window.minY - this.#maxH);
    const r1 = this.#row(window.maxY);
    const xs = this.#x;
    const ys = this.#y;
    const ws = this.#w;
    const hs = this.#h;
    for (let r = r0; r <= r1; r++) {
      const rowBase = r * this.#cols;
      const from = this.#start[rowBase + c0] ?? 0;
      const to = this.#start[rowBase + c1 + 1] ?? 0;
      // Cells of one row are contiguous in the CSR arrays.
      for (let k = from; k < to; k++) {
        const i = this.#items[k] ?? 0;
        const x = xs[i] ?? 0;
        const y = ys[i] ?? 0;
        if (x <= window.maxX && x + (ws[i] ?? 0) >= window.minX && y <= window.maxY && y + (hs[i] ?? 0) >= window.minY) {
          visit(i);
        }
      }
    }
  }

  /** Every item intersecting the window, ascending. */
  search(window: Bounds): number[] {
    const out: number[] = [];
    this.query(window, (i) => out.push(i));
    return out.sort((a, b) => a - b);
  }

  /** The highest-numbered item containing the point (drawn last, so on top), or -1. */
  hitTest(x: number, y: number): number {
    let best = -1;
    this.query({ minX: x, minY: y, maxX: x, maxY: y }, (i) => {
      if (i > best) best = i;
    });
    return best;
  }
}

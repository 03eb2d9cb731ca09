// Level of detail: how much of each node the chart draws at a zoom level.
// Boxes carry their name and title only where those can be read; further
// out the chart draws a summary (one box per team with its headcount, see
// summary.ts) instead of boxes too small to label.

export type Detail = "full" | "summary";

/**
 * The smallest zoom at which a box's labels are legible: the 13 px name is
 * then drawn at 9.75 px and the 12 px title at 9 px. Fit never goes below
 * it, and the chart opens on the top layers that fit at it.
 */
export const LEGIBLE_SCALE = 0.75;

/** What to draw at `scale`. */
export function levelOfDetail(scale: number): Detail {
  return scale >= LEGIBLE_SCALE ? "full" : "summary";
}

/**
 * The part of the segment (x0, y0)-(x1, y1) inside `box` as parameters
 * [t0, t1] along it (Liang-Barsky), or null when it misses the box.
 */
export function clipSegment(
  box: { minX: number; minY: number; maxX: number; maxY: number },
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const edges: Array<[number, number]> = [
    [-dx, x0 - box.minX],
    [dx, box.maxX - x0],
    [-dy, y0 - box.minY],
    [dy, box.maxY - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}

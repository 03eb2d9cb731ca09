// Level of detail: how much of each node the chart draws at a zoom level.
// Zoomed out, a 100k-person chart is mostly sub-pixel boxes: text and
// rounded corners there only cost time.

export type Detail = "full" | "boxes" | "dots";

/** At or above this scale boxes carry their name and title. */
export const TEXT_SCALE = 0.35;
/** Boxes narrower than this on screen (px) become dots, and edges go. */
export const MIN_BOX_PX = 6;

/** What to draw for boxes `boxWidth` world units wide at `scale`. */
export function levelOfDetail(scale: number, boxWidth: number): Detail {
  if (scale >= TEXT_SCALE) return "full";
  return boxWidth * scale >= MIN_BOX_PX ? "boxes" : "dots";
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

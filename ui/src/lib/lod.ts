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

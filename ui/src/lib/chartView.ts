// Where the chart's view goes when asked: fitted to the org, onto one box,
// and where the hover card sits. The pan/zoom maths is viewport.ts; these
// are the chart's choices on top of it.

import type { ChartLayout, Rect } from "./layout";
import { LEGIBLE_SCALE } from "./lod";
import { centerOn, FIT_PADDING, fitReadable, keepInView, TOP_INSET, type Point, type Viewport } from "./viewport";

/** The centre of a box (world), or null for none. */
export function centreOf(rect: Rect | null): Point | null {
  return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
}

/**
 * The view of the whole chart if it fits legibly, else of its top at the
 * legible zoom: centred on the one person at the top when there is one,
 * from the left when the chart has many tops. Null before there is a
 * layout or a size.
 */
export function fitChart(layout: ChartLayout, roots: readonly number[], width: number, height: number): Viewport | null {
  const bounds = layout.bounds();
  if (!bounds || width === 0 || height === 0) return null;
  const top = roots.length === 1 ? centreOf(layout.rect(roots[0] ?? -1)) : null;
  const anchor = top ? { x: top.x, y: 0 } : null;
  return fitReadable(bounds, width, height, anchor, LEGIBLE_SCALE, FIT_PADDING, TOP_INSET);
}

/**
 * The view that shows `rect`: below the legible zoom, zoomed to 1 with the
 * box a little above the middle (its reports hang below); otherwise the
 * same view if the box is on screen, else one centred on it.
 */
export function revealBox(view: Viewport, rect: Rect, width: number, height: number): Viewport {
  if (view.scale < LEGIBLE_SCALE) {
    const centre = centreOf(rect) as Point;
    return centerOn({ ...view, scale: 1 }, { x: centre.x, y: centre.y + height * 0.15 }, width, height);
  }
  return keepInView(view, rect, width, height) ?? view;
}

/** The hover card's largest size, so that it is placed inside the chart. */
const CARD = { width: 260, height: 60 };

/** Where the hover card goes for the pointer at `p`: below right of it, kept inside the chart. */
export function hoverCardAt(p: Point, width: number, height: number): Point {
  return {
    x: Math.min(p.x + 14, Math.max(0, width - CARD.width)),
    y: Math.min(p.y + 18, Math.max(0, height - CARD.height)),
  };
}

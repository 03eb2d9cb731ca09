// Minimap maths: the whole chart fitted into a small box, the main view's
// rectangle inside it, and a click in it turned back into a view.

import type { Bounds } from "./layout";
import { centerOn, visibleWorld, type Point, type Viewport } from "./viewport";

export interface MinimapTransform {
  /** Minimap pixels per world unit. */
  scale: number;
  /** Minimap pixel of world (0, 0). */
  offsetX: number;
  offsetY: number;
}

/** Fits `bounds` centred into a `width` x `height` minimap with `padding`. */
export function minimapTransform(bounds: Bounds, width: number, height: number, padding = 4): MinimapTransform {
  const w = Math.max(1, bounds.maxX - bounds.minX);
  const h = Math.max(1, bounds.maxY - bounds.minY);
  const scale = Math.min(Math.max(1, width - 2 * padding) / w, Math.max(1, height - 2 * padding) / h);
  return {
    scale,
    offsetX: (width - w * scale) / 2 - bounds.minX * scale,
    offsetY: (height - h * scale) / 2 - bounds.minY * scale,
  };
}

export function worldToMinimap(t: MinimapTransform, p: Point): Point {
  return { x: p.x * t.scale + t.offsetX, y: p.y * t.scale + t.offsetY };
}

export function minimapToWorld(t: MinimapTransform, p: Point): Point {
  return { x: (p.x - t.offsetX) / t.scale, y: (p.y - t.offsetY) / t.scale };
}

/** The main view's rectangle in minimap pixels (x, y, width, height). */
export function viewportInMinimap(
  t: MinimapTransform,
  view: Viewport,
  screenWidth: number,
  screenHeight: number,
): { x: number; y: number; width: number; height: number } {
  const world = visibleWorld(view, screenWidth, screenHeight);
  const a = worldToMinimap(t, { x: world.minX, y: world.minY });
  const b = worldToMinimap(t, { x: world.maxX, y: world.maxY });
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

/** The view (same zoom) centred on the world point under minimap pixel `p`. */
export function navigateTo(
  t: MinimapTransform,
  p: Point,
  view: Viewport,
  screenWidth: number,
  screenHeight: number,
): Viewport {
  return centerOn(view, minimapToWorld(t, p), screenWidth, screenHeight);
}

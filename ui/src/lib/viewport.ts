// Pan/zoom maths for the chart: screen = (world - origin) * scale.

import type { Bounds, Rect } from "./layout";
import { LEGIBLE_SCALE } from "./lod";

export const MIN_SCALE = 0.01;
export const MAX_SCALE = 4;

export interface Viewport {
  /** World coordinate shown at the screen's left/top edge. */
  x: number;
  y: number;
  scale: number;
}

export interface Point {
  x: number;
  y: number;
}

export const IDENTITY: Viewport = { x: 0, y: 0, scale: 1 };

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function worldToScreen(v: Viewport, p: Point): Point {
  return { x: (p.x - v.x) * v.scale, y: (p.y - v.y) * v.scale };
}

export function screenToWorld(v: Viewport, p: Point): Point {
  return { x: p.x / v.scale + v.x, y: p.y / v.scale + v.y };
}

/** Moves the view by a screen-space drag delta. */
export function pan(v: Viewport, dx: number, dy: number): Viewport {
  return { x: v.x - dx / v.scale, y: v.y - dy / v.scale, scale: v.scale };
}

/** Zooms by `factor`, keeping the world point under `anchor` (screen) fixed. */
export function zoomAt(v: Viewport, anchor: Point, factor: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const world = screenToWorld(v, anchor);
  return { x: world.x - anchor.x / scale, y: world.y - anchor.y / scale, scale };
}

/** Wheel delta (pixels) to a zoom factor; a notch of 100px is about 1.2x. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-400, Math.min(400, pixels));
  return Math.exp(-clamped * 0.0018);
}

/** Screen pixels left around a fitted chart. */
export const FIT_PADDING = 32;
/** Screen pixels at the chart's top taken by the toolbars drawn over it. */
export const TOP_INSET = 48;

/** The viewport that shows `bounds` whole inside a `width` x `height` screen. */
export function fitBounds(
  bounds: Bounds,
  width: number,
  height: number,
  padding = FIT_PADDING,
  maxScale = 1.5,
): Viewport {
  const w = Math.max(1, bounds.maxX - bounds.minX);
  const h = Math.max(1, bounds.maxY - bounds.minY);
  const availW = Math.max(1, width - 2 * padding);
  const availH = Math.max(1, height - 2 * padding);
  const scale = clampScale(Math.min(availW / w, availH / h, maxScale));
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { x: cx - width / 2 / scale, y: cy - height / 2 / scale, scale };
}

/** Keeps the scale and puts world point `p` at the centre of the screen. */
export function centerOn(v: Viewport, p: Point, width: number, height: number): Viewport {
  return { x: p.x - width / 2 / v.scale, y: p.y - height / 2 / v.scale, scale: v.scale };
}

/** The world rectangle the screen shows, for culling. */
export function visibleWorld(v: Viewport, width: number, height: number): Bounds {
  return { minX: v.x, minY: v.y, maxX: v.x + width / v.scale, maxY: v.y + height / v.scale };
}

export function intersects(
  b: Bounds,
  x: number,
  y: number,
  w: number,
  h: number,
): boolean {
  return x + w >= b.minX && x <= b.maxX && y + h >= b.minY && y <= b.maxY;
}

/**
 * Fit that never lands below a legible zoom: the chart whole when it fits
 * at `minScale` or more; otherwise its top at `minScale`, horizontally
 * centred on `anchor` (the first person at the top, say) but not past the
 * chart's left or right edge, so the user starts from the top and pans.
 * The top `topInset` pixels (under the toolbars) are left free.
 */
export function fitReadable(
  bounds: Bounds,
  width: number,
  height: number,
  anchor: Point | null,
  minScale = LEGIBLE_SCALE,
  padding = FIT_PADDING,
  topInset = 0,
): Viewport {
  const fitted = fitBounds(bounds, width, Math.max(1, height - topInset), padding);
  const whole = { ...fitted, y: fitted.y - topInset / fitted.scale };
  if (whole.scale >= minScale) return whole;
  const scale = clampScale(minScale);
  const pad = padding / scale;
  const span = width / scale;
  const left = bounds.minX - pad;
  const right = bounds.maxX + pad - span;
  const centred = anchor ? anchor.x - span / 2 : left;
  return { x: Math.max(left, Math.min(right, centred)), y: bounds.minY - pad - topInset / scale, scale };
}

/**
 * The viewport that brings `rect` (world) into view with `margin` screen
 * pixels around it, or null when it is in view already. A box off screen is
 * centred; the zoom is kept.
 */
export function keepInView(
  v: Viewport,
  rect: Rect,
  width: number,
  height: number,
  margin = 40,
): Viewport | null {
  const a = worldToScreen(v, { x: rect.x, y: rect.y });
  const b = worldToScreen(v, { x: rect.x + rect.width, y: rect.y + rect.height });
  const inside = a.x >= margin && a.y >= margin && b.x <= width - margin && b.y <= height - margin;
  if (inside) return null;
  return centerOn(v, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, width, height);
}

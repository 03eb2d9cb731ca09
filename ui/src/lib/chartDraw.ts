// Drawing the org chart on a canvas: boxes with their labels, the
// connectors (elbows, and spines for reports stacked under their manager),
// dotted lines, and the summary drawn below the legible zoom. Positions
// come from the Rust layout; nothing here decides where anything goes.

import type { ChartNode } from "../generated";
import type { Colouring } from "./colour";
import { displayName } from "./format";
import type { Bounds, ChartLayout } from "./layout";
import { clipSegment } from "./lod";
import { placeholderCount, placeholderLabel, type Placeholders } from "./placeholders";
import { headcountLabel, peopleLabel, type SubtreeBoxes } from "./summary";
import { worldToScreen, type Point, type Viewport } from "./viewport";

export interface Palette {
  bg: string;
  node: string;
  border: string;
  text: string;
  muted: string;
  edge: string;
  accent: string;
  ok: string;
  bad: string;
  font: string;
}

export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v("--chart-bg", "#f8f9fb"),
    node: v("--node-bg", "#fff"),
    border: v("--node-border", "#c4cad6"),
    text: v("--node-text", "#1b1f29"),
    muted: v("--node-muted", "#5b6275"),
    edge: v("--edge", "#a8afbd"),
    accent: v("--accent", "#2f5bea"),
    ok: v("--drop-ok", "#1a7f4b"),
    bad: v("--drop-bad", "#c0262d"),
    font: v("--font", "sans-serif"),
  };
}

/** What every drawing function reads. `px` is one screen pixel in world units. */
export interface Scene {
  ctx: CanvasRenderingContext2D;
  nodes: readonly ChartNode[];
  layout: ChartLayout;
  /** The layout's entries past the last person. */
  placeholders: Placeholders;
  collapsed: ReadonlySet<string>;
  colours: Colouring;
  palette: Palette;
  px: number;
}

/** Half the layout's gap between a manager and their reports: where elbows turn. */
const ELBOW_DROP = 24;

export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

export function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(text.slice(0, mid) + "…").width <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? text.slice(0, lo) + "…" : "";
}

/** Fitted (name, role) labels per node index for one node list: measuring text is slow. */
export class LabelCache {
  #labels = new Map<number, [string, string]>();
  #for: unknown = null;

  get(ctx: CanvasRenderingContext2D, nodes: readonly ChartNode[], i: number, w: number, font: string): [string, string] {
    if (this.#for !== nodes) {
      this.#labels = new Map();
      this.#for = nodes;
    }
    const cached = this.#labels.get(i);
    if (cached) return cached;
    const node = nodes[i];
    if (!node) return ["", ""];
    const pad = 10;
    ctx.font = `600 13px ${font}`;
    const name = fitText(ctx, displayName(node), w - 2 * pad);
    ctx.font = `12px ${font}`;
    const role = node.name.trim() ? node.title : node.id;
    const sub = fitText(ctx, node.span > 0 ? `${role} · ${node.span}` : role, w - 2 * pad);
    const out: [string, string] = [name, sub];
    this.#labels.set(i, out);
    return out;
  }
}

/** The entry `i` hangs from: their manager, the placeholder of their group, or -1. */
export function parentEntry(s: Pick<Scene, "nodes" | "placeholders">, i: number): number {
  return s.nodes[i]?.manager ?? s.placeholders.parentOf(i);
}

/**
 * Connectors from each report drawn in `window` up to its manager (or the
 * placeholder of their group), one path: an elbow to the top of a box
 * placed by the tidy tree, or down the spine and across to a box stacked
 * under its manager.
 */
export function drawEdges(s: Scene, window: Bounds): void {
  const { ctx, layout } = s;
  ctx.beginPath();
  layout.query(window, (i) => {
    const m = parentEntry(s, i);
    if (m < 0 || !layout.isVisible(m)) return;
    const mx = layout.x(m) + layout.width(m) / 2;
    const my = layout.y(m) + layout.height(m);
    const cy = layout.y(i);
    const spine = layout.spine(i);
    ctx.moveTo(mx, my);
    if (Number.isFinite(spine)) {
      const turn = my + ELBOW_DROP;
      const mid = cy + layout.height(i) / 2;
      ctx.lineTo(mx, turn);
      ctx.lineTo(spine, turn);
      ctx.lineTo(spine, mid);
      ctx.lineTo(layout.x(i), mid);
    } else {
      const cx = layout.x(i) + layout.width(i) / 2;
      const midY = (my + cy) / 2;
      ctx.lineTo(mx, midY);
      ctx.lineTo(cx, midY);
      ctx.lineTo(cx, cy);
    }
  });
  ctx.strokeStyle = s.palette.edge;
  ctx.lineWidth = Math.max(1, 1.25 * s.px);
  ctx.stroke();
}

/** One box with its colour, status, labels and collapsed badge (or a placeholder's). */
export function drawBox(s: Scene, labels: LabelCache, i: number, faded: boolean): void {
  const { ctx, nodes, layout, colours, palette: p, px } = s;
  const node = nodes[i];
  if (!node) {
    drawPlaceholder(s, i);
    return;
  }
  const x = layout.x(i);
  const y = layout.y(i);
  const w = layout.width(i);
  const h = layout.height(i);
  const radius = Math.min(8, h / 4);
  const key = colours.keys[i] ?? colours.neutral;
  const coloured = key !== colours.neutral;
  const colour = colours.colours[key] ?? p.border;

  roundRect(ctx, x, y, w, h, radius);
  ctx.fillStyle = p.node;
  ctx.globalAlpha = faded ? 0.45 : 1;
  ctx.fill();
  if (coloured) {
    // A light tint of the key colour keeps text readable in both themes.
    ctx.globalAlpha = faded ? 0.1 : 0.16;
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.globalAlpha = faded ? 0.45 : 1;
  }
  ctx.strokeStyle = coloured ? colour : p.border;
  ctx.lineWidth = (coloured ? 1.5 : 1) * Math.max(px, 0.75);
  ctx.setLineDash(node.status === "open" || node.status === "planned" ? [6 * px, 4 * px] : []);
  ctx.stroke();
  ctx.setLineDash([]);
  if (coloured) {
    ctx.fillStyle = colour;
    ctx.fillRect(x, y + radius / 2, Math.max(4, 3 * px), h - radius);
  }

  const [name, sub] = labels.get(ctx, nodes, i, w, p.font);
  ctx.fillStyle = p.text;
  ctx.textBaseline = "alphabetic";
  ctx.font = `600 13px ${p.font}`;
  ctx.fillText(name, x + 10, y + h * 0.42);
  ctx.fillStyle = p.muted;
  ctx.font = `12px ${p.font}`;
  ctx.fillText(sub, x + 10, y + h * 0.42 + 17);

  // Collapsed: a "+N" badge under the box.
  if (s.collapsed.has(node.id) && node.total_reports > 0) {
    const text = `+${node.total_reports}`;
    ctx.font = `600 11px ${p.font}`;
    const bw = Math.max(26, ctx.measureText(text).width + 12);
    roundRect(ctx, x + w / 2 - bw / 2, y + h - 2, bw, 18, 9);
    ctx.fillStyle = p.accent;
    ctx.fill();
    ctx.fillStyle = p.node;
    ctx.textAlign = "center";
    ctx.fillText(text, x + w / 2, y + h + 11);
    ctx.textAlign = "start";
  }
  ctx.globalAlpha = 1;
}

/**
 * A "Not in file" placeholder: a dashed, unfilled box naming the manager
 * the file refers to, with the number of people under it. No colour key:
 * it is no person. As in the exports, the reference has the name line,
 * where it is read first and has the room of a name, and "Not in file"
 * with the count the line under it, short enough never to be cut.
 */
export function drawPlaceholder(s: Scene, i: number): void {
  const placeholder = s.placeholders.at(i);
  if (!placeholder) return;
  const { ctx, layout, palette: p, px } = s;
  const x = layout.x(i);
  const y = layout.y(i);
  const w = layout.width(i);
  const h = layout.height(i);
  roundRect(ctx, x, y, w, h, Math.min(8, h / 4));
  ctx.fillStyle = p.bg;
  ctx.fill();
  ctx.strokeStyle = p.muted;
  ctx.lineWidth = 1.25 * Math.max(px, 0.75);
  ctx.setLineDash([5 * Math.max(px, 0.75), 3 * Math.max(px, 0.75)]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.textBaseline = "alphabetic";
  ctx.fillStyle = p.text;
  ctx.font = `italic 600 13px ${p.font}`;
  ctx.fillText(fitText(ctx, placeholder.reference, w - 20), x + 10, y + h * 0.42);
  ctx.fillStyle = p.muted;
  ctx.font = `italic 12px ${p.font}`;
  ctx.fillText(fitText(ctx, placeholderCount(placeholder), w - 20), x + 10, y + h * 0.42 + 17);
}

/**
 * Dotted lines as dashed straight lines from manager to report, one path.
 * Each is clipped to the screen first: at 100k people a line may run
 * millions of pixels off screen, and dashing all of it costs a frame.
 */
export function drawDotted(s: Scene, dotted: Uint32Array, world: Bounds): void {
  const { ctx, layout, palette: p, px } = s;
  const dash = 10 * px; // one dash plus gap, in world units
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 1.75 * px;
  for (let k = 0; k + 1 < dotted.length; k += 2) {
    const m = dotted[k] ?? 0;
    const r = dotted[k + 1] ?? 0;
    if (!layout.isVisible(m) || !layout.isVisible(r)) continue;
    const x0 = layout.x(m) + layout.width(m) / 2;
    const y0 = layout.y(m) + layout.height(m) / 2;
    const x1 = layout.x(r) + layout.width(r) / 2;
    const y1 = layout.y(r) + layout.height(r) / 2;
    const clipped = clipSegment(world, x0, y0, x1, y1);
    if (!clipped) continue;
    const [t0, t1] = clipped;
    const dx = x1 - x0;
    const dy = y1 - y0;
    // Dashes keep their place along the whole line while it is panned.
    ctx.setLineDash([6 * px, 4 * px]);
    ctx.lineDashOffset = -((t0 * Math.hypot(dx, dy)) % dash);
    ctx.beginPath();
    ctx.moveTo(x0 + t0 * dx, y0 + t0 * dy);
    ctx.lineTo(x0 + t1 * dx, y0 + t1 * dy);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.lineDashOffset = 0;
}

/**
 * Below the legible zoom: each group (a team summed up) as one box around
 * its subtree with its manager's name and headcount, the skeleton above
 * as small boxes linked to them. Drawn in screen pixels (the caller has set
 * the canvas to CSS pixels), so the labels keep a readable size.
 */
export function drawSummary(s: Scene, boxes: SubtreeBoxes, view: Viewport, world: Bounds): void {
  const { ctx, nodes, layout, colours, palette: p } = s;
  const { groups, skeleton } = boxes.summarise(world, view.scale);
  const screenOf = (b: Bounds) => {
    const a = worldToScreen(view, { x: b.minX, y: b.minY });
    const z = worldToScreen(view, { x: b.maxX, y: b.maxY });
    return { x: a.x, y: a.y, w: Math.max(2, z.x - a.x), h: Math.max(2, z.y - a.y) };
  };
  const own = (i: number) =>
    screenOf({ minX: layout.x(i), minY: layout.y(i), maxX: layout.x(i) + layout.width(i), maxY: layout.y(i) + layout.height(i) });

  // Links from each skeleton node to its reports' boxes.
  ctx.beginPath();
  for (const v of skeleton) {
    const top = own(v);
    for (const c of boxes.kids[v] ?? []) {
      const b = screenOf(boxes.box(c));
      const to = own(c);
      const cx = to.x + to.w / 2;
      const midY = (top.y + top.h + b.y) / 2;
      ctx.moveTo(top.x + top.w / 2, top.y + top.h);
      ctx.lineTo(top.x + top.w / 2, midY);
      ctx.lineTo(cx, midY);
      ctx.lineTo(cx, b.y);
    }
  }
  ctx.strokeStyle = p.edge;
  ctx.lineWidth = 1;
  ctx.stroke();

  const label = (text: string, x: number, y: number, max: number, font: string, colour: string) => {
    ctx.font = font;
    ctx.fillStyle = colour;
    ctx.fillText(fitText(ctx, text, max), x, y);
  };
  ctx.textBaseline = "alphabetic";
  for (const v of skeleton) {
    const r = own(v);
    roundRect(ctx, r.x, r.y, r.w, r.h, Math.min(6, r.h / 4));
    ctx.fillStyle = p.node;
    ctx.fill();
    ctx.strokeStyle = p.border;
    ctx.stroke();
    const name = entryName(s, v);
    // The name may run wider than a small box: the subtree below has room.
    if (name && r.h >= 12) label(name, r.x + 4, r.y + Math.min(r.h - 3, 14), Math.max(r.w - 8, 140), `600 12px ${p.font}`, p.text);
  }
  for (const v of groups) {
    const node = nodes[v];
    const placeholder = s.placeholders.at(v);
    if (!node && !placeholder) continue;
    const r = screenOf(boxes.box(v));
    // A placeholder is no person: no colour key.
    const key = node ? (colours.keys[v] ?? colours.neutral) : colours.neutral;
    roundRect(ctx, r.x, r.y, r.w, r.h, Math.min(8, r.h / 4));
    ctx.fillStyle = p.node;
    ctx.fill();
    if (key !== colours.neutral) {
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = colours.colours[key] ?? p.border;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    ctx.strokeStyle = key === colours.neutral ? p.border : (colours.colours[key] ?? p.border);
    ctx.lineWidth = 1.25;
    // Dashed like the placeholder's own box.
    ctx.setLineDash(node ? [] : [5, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    if (r.w < 36 || r.h < 14) continue;
    label(entryName(s, v), r.x + 6, r.y + 14, r.w - 12, `600 12px ${p.font}`, p.text);
    if (r.h >= 30) {
      const people = node
        ? node.total_reports > 0
          ? headcountLabel(node.total_reports)
          : node.title
        : peopleLabel(groupHeadcount(nodes, placeholder?.members ?? []));
      label(people, r.x + 6, r.y + 29, r.w - 12, `12px ${p.font}`, p.muted);
    }
  }
}

/** A person's display name, or a placeholder's "Not in file: …" label. */
function entryName(s: Pick<Scene, "nodes" | "placeholders">, v: number): string {
  const node = s.nodes[v];
  if (node) return displayName(node);
  const placeholder = s.placeholders.at(v);
  return placeholder ? placeholderLabel(placeholder) : "";
}

/** The people under a placeholder: its members and everyone below them (not the placeholder). */
export function groupHeadcount(nodes: readonly ChartNode[], members: readonly number[]): number {
  return members.reduce((sum, m) => sum + (nodes[m]?.total_reports ?? 0) + 1, 0);
}

/** A ring around box `i`, `widthPx` screen pixels wide (hover, selection, drop target). */
export function drawRing(s: Scene, i: number, colour: string, widthPx: number, dashPx: readonly number[] = []): void {
  const { ctx, layout, px } = s;
  const r = layout.rect(i);
  if (!r) return;
  const gap = (widthPx / 2 + 2) * px;
  roundRect(ctx, r.x - gap, r.y - gap, r.width + 2 * gap, r.height + 2 * gap, Math.min(10, r.height / 4) + gap);
  ctx.strokeStyle = colour;
  ctx.lineWidth = widthPx * px;
  ctx.setLineDash(dashPx.map((d) => d * px));
  ctx.stroke();
  ctx.setLineDash([]);
}

/**
 * The card of the person `i` being dragged, centred on `at` (world):
 * dashed when they move alone, named when names are legible.
 */
export function drawDraggedCard(s: Scene, i: number, at: Point, alone: boolean, named: boolean): void {
  const { ctx, nodes, layout, palette: p, px } = s;
  const node = nodes[i];
  const r = layout.rect(i);
  if (!node || !r) return;
  roundRect(ctx, at.x - r.width / 2, at.y - r.height / 2, r.width, r.height, 8);
  ctx.fillStyle = p.node;
  ctx.globalAlpha = 0.92;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 2 * px;
  ctx.setLineDash(alone ? [5 * px, 3 * px] : []);
  ctx.stroke();
  ctx.setLineDash([]);
  if (!named) return;
  ctx.fillStyle = p.text;
  ctx.font = `600 13px ${p.font}`;
  ctx.fillText(fitText(ctx, displayName(node), r.width - 20), at.x - r.width / 2 + 10, at.y + 4);
}

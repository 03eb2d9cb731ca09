// The chart's renderer: composes one frame from chartDraw.ts's pieces —
// the summary or the boxes (by level of detail), connectors, dotted lines,
// the hover / selection / drop rings and the dragged card — on a canvas
// sized to the device's pixels, at most once per animation frame. It reads
// the state it is handed; ChartCanvas.svelte wires state and input to it.

import type { ChartNode } from "../generated";
import {
  drawBox,
  drawDotted,
  drawDraggedCard,
  drawEdges,
  drawRing,
  drawSummary,
  LabelCache,
  readPalette,
  type Palette,
  type Scene,
} from "./chartDraw";
import { dropAllowed, type Gesture } from "./chartGestures";
import { highlightedAmong } from "./chartHighlight";
import type { Colouring } from "./colour";
import type { Bounds, ChartLayout } from "./layout";
import { levelOfDetail } from "./lod";
import { perf } from "./perf";
import type { ChartTree, Placeholders } from "./placeholders";
import { SubtreeBoxes } from "./summary";
import { screenToWorld, visibleWorld, type Viewport } from "./viewport";

/** Everything one frame of the chart shows. */
export interface ChartFrame {
  nodes: readonly ChartNode[];
  layout: ChartLayout;
  placeholders: Placeholders;
  /** People and placeholders as one tree: what the summary groups. */
  tree: ChartTree;
  collapsed: ReadonlySet<string>;
  colours: Colouring;
  /** Dotted lines as (manager, report) index pairs. */
  dotted: Uint32Array;
  showDotted: boolean;
  view: Viewport;
  /** The canvas's size in CSS pixels. */
  width: number;
  height: number;
  /** The layout entry under the pointer, and the selected person; -1 for none. */
  hover: number;
  selected: number;
  gesture: Gesture;
  /** People shown as a set (a health finding's): node indices, ringed where drawn. */
  highlighted?: ReadonlySet<number>;
}

/** A ring to draw around a box: its palette colour, width and dash in screen pixels. */
export interface Ring {
  index: number;
  colour: "edge" | "accent" | "ok" | "bad";
  width: number;
  dash: number[];
}

/**
 * The rings of a frame, in drawing order: the hovered person (unless
 * selected, or a drag is on), the selected person, and the drop target,
 * green where the drop is allowed and red where it is not.
 */
export function ringsOf(frame: Pick<ChartFrame, "nodes" | "hover" | "selected" | "gesture">): Ring[] {
  const { nodes, hover, selected, gesture } = frame;
  const dragging = gesture.kind === "node" && gesture.dragging;
  const rings: Ring[] = [];
  if (hover >= 0 && hover < nodes.length && hover !== selected && !dragging) {
    rings.push({ index: hover, colour: "edge", width: 2, dash: [] });
  }
  if (selected >= 0) rings.push({ index: selected, colour: "accent", width: 3, dash: [] });
  if (dragging && gesture.target >= 0) {
    rings.push({ index: gesture.target, colour: dropAllowed(nodes, gesture) ? "ok" : "bad", width: 3, dash: [6, 4] });
  }
  return rings;
}

/** The canvas's backing store for a CSS size: whole device pixels. */
export function backingSize(width: number, height: number, pixelRatio: number): { width: number; height: number } {
  return { width: Math.round(width * pixelRatio), height: Math.round(height * pixelRatio) };
}

/**
 * The world window whose connectors are drawn: the screen and a layer
 * beyond it on every side (`layerHeight` is a box's height), so that lines
 * into boxes just off screen still reach the edge.
 */
export function edgeWindow(world: Bounds, layerHeight: number): Bounds {
  const reach = 2.5 * layerHeight + 40;
  return { minX: world.minX - reach, maxX: world.maxX + reach, minY: world.minY - reach, maxY: world.maxY + reach };
}

/** Sets `ctx` to draw in world units under `view`. */
function toWorld(ctx: CanvasRenderingContext2D, view: Viewport, pixelRatio: number): void {
  const k = pixelRatio * view.scale;
  ctx.setTransform(k, 0, 0, k, -view.x * k, -view.y * k);
}

/** The ring of a highlighted box: dashed, so the solid ring of the one stepped to stands out. */
export const HIGHLIGHT_RING: Omit<Ring, "index"> = { colour: "accent", width: 3, dash: [5, 3] };

/** What one frame drew: boxes with their labels, and highlighted boxes ringed. */
export interface Drawn {
  labelled: number;
  highlighted: number;
}

/**
 * Draws `frame` on `ctx` (its backing store `pixelRatio` times the CSS
 * size) and returns how many boxes it drew with their labels (none below
 * the legible zoom, where the summary stands in for them) and how many of
 * them it ringed as highlighted.
 */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  pixelRatio: number,
  palette: Palette,
  labels: LabelCache,
  subtreeBoxes: () => SubtreeBoxes,
): Drawn {
  const { nodes, layout, view, gesture } = frame;
  const world = visibleWorld(view, frame.width, frame.height);
  const scene: Scene = {
    ctx,
    nodes,
    layout,
    placeholders: frame.placeholders,
    collapsed: frame.collapsed,
    colours: frame.colours,
    palette,
    px: 1 / view.scale,
  };
  const dragging = gesture.kind === "node" && gesture.dragging;
  const detail = levelOfDetail(view.scale);
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, frame.width, frame.height);
  // O(visible): the layout's spatial index finds what is on screen.
  const visible: number[] = [];
  if (detail === "summary") {
    drawSummary(scene, subtreeBoxes(), view, world);
    toWorld(ctx, view, pixelRatio);
  } else {
    toWorld(ctx, view, pixelRatio);
    layout.query(world, (i) => visible.push(i));
    drawEdges(scene, edgeWindow(world, layout.height(visible[0] ?? 0)));
    for (const i of visible) drawBox(scene, labels, i, dragging && i === gesture.index);
  }
  if (frame.showDotted && frame.dotted.length > 0) drawDotted(scene, frame.dotted, world);
  const highlighted = highlightedAmong(visible, frame.highlighted ?? new Set());
  const { colour, width, dash } = HIGHLIGHT_RING;
  for (const i of highlighted) drawRing(scene, i, palette[colour], width, dash);
  for (const ring of ringsOf(frame)) drawRing(scene, ring.index, palette[ring.colour], ring.width, ring.dash);
  if (dragging) drawDraggedCard(scene, gesture.index, screenToWorld(view, gesture.at), gesture.alone, detail === "full");
  return { labelled: visible.length, highlighted: highlighted.length };
}

/** What the renderer needs of the page; tests hand in their own. */
export interface RenderHost {
  pixelRatio(): number;
  readPalette(canvas: HTMLCanvasElement): Palette;
  requestFrame(draw: () => void): number;
  cancelFrame(id: number): void;
}

const BROWSER: RenderHost = {
  pixelRatio: () => window.devicePixelRatio || 1,
  readPalette,
  requestFrame: (draw) => requestAnimationFrame(draw),
  cancelFrame: (id) => cancelAnimationFrame(id),
};

/**
 * Draws the chart on the canvas `canvas()` returns. `request` hands it the
 * latest frame; at most one animation frame is pending, and it draws the
 * latest state (cancelling and re-requesting on every change would starve
 * the draw while input keeps arriving inside frames).
 */
export class ChartRenderer {
  readonly #canvas: () => HTMLCanvasElement | undefined;
  readonly #host: RenderHost;
  readonly #labels = new LabelCache();
  #frame: ChartFrame | null = null;
  #pending = 0;
  #palette: Palette | null = null;
  /** Subtree boxes for the summary, built on first need per layout. */
  #summary: { layout: ChartLayout; boxes: SubtreeBoxes } | null = null;

  constructor(canvas: () => HTMLCanvasElement | undefined, host: RenderHost = BROWSER) {
    this.#canvas = canvas;
    this.#host = host;
  }

  /** Asks for `frame` to be drawn in the next animation frame. */
  request(frame: ChartFrame): void {
    this.#frame = frame;
    if (this.#pending) return;
    this.#pending = this.#host.requestFrame(() => {
      this.#pending = 0;
      this.draw();
    });
  }

  /** The colour scheme changed: the palette is read again for a redraw. */
  themeChanged(): void {
    this.#palette = null;
    if (this.#frame) this.request(this.#frame);
  }

  /** Draws the latest frame now (nothing before the canvas has a size). */
  draw(): void {
    const canvas = this.#canvas();
    const frame = this.#frame;
    if (!canvas || !frame || frame.width === 0 || frame.height === 0) return;
    const started = perf.now();
    const pixelRatio = this.#host.pixelRatio();
    const size = backingSize(frame.width, frame.height, pixelRatio);
    if (canvas.width !== size.width || canvas.height !== size.height) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    this.#palette ??= this.#host.readPalette(canvas);
    const drawn = drawFrame(ctx, frame, pixelRatio, this.#palette, this.#labels, () => this.#subtreeBoxes(frame));
    canvas.dataset.labelled = String(drawn.labelled);
    canvas.dataset.highlighted = String(drawn.highlighted);
    perf.drew(drawn.labelled, perf.now() - started);
  }

  /** Drops the pending frame (the canvas is going away). */
  dispose(): void {
    if (this.#pending) this.#host.cancelFrame(this.#pending);
    this.#pending = 0;
  }

  #subtreeBoxes(frame: ChartFrame): SubtreeBoxes {
    if (this.#summary?.layout !== frame.layout) {
      this.#summary = { layout: frame.layout, boxes: new SubtreeBoxes(frame.layout, frame.tree) };
    }
    return this.#summary.boxes;
  }
}

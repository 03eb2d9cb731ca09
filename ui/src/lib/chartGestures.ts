// Pointer and key input on the chart, as data: what a press, a move, a
// release and a key mean (pan, zoom, select, drag a person onto a new
// manager), the hint and the cursor shown while dragging, and the scrolling
// when a drag nears the chart's edge. ChartCanvas.svelte feeds events in;
// the rules live here.

import type { ChartNode } from "../generated";
import { displayName } from "./format";
import { wouldCreateCycle } from "./tree";
import type { Point } from "./viewport";

/** Pixels the pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD = 5;

export type Gesture =
  | { kind: "none" }
  | { kind: "pan"; start: Point; last: Point; moved: boolean; pointer: number }
  | {
      kind: "node";
      index: number;
      start: Point;
      pointer: number;
      dragging: boolean;
      at: Point;
      /** The node under the pointer while dragging, -1 for none. */
      target: number;
      /** Shift held: move the person alone, their reports stay behind. */
      alone: boolean;
    };

export const NO_GESTURE: Gesture = { kind: "none" };

/**
 * The person a hit-test found, or -1: layout entries from `people` on are
 * "Not in file" placeholders, which are never selected, dragged or dropped
 * on (a press on one pans).
 */
export function personHit(hit: number, people: number): number {
  return hit >= 0 && hit < people ? hit : -1;
}

/** A press: on a node it may become a drag, elsewhere a pan. */
export function press(index: number, p: Point, pointer: number, shift: boolean): Gesture {
  return index >= 0
    ? { kind: "node", index, start: p, pointer, dragging: false, at: p, target: -1, alone: shift }
    : { kind: "pan", start: p, last: p, moved: false, pointer };
}

/** A pan follows the pointer to `p`; past the threshold it is no longer a click. */
export function panTo(g: Gesture & { kind: "pan" }, p: Point): Gesture & { kind: "pan" } {
  const moved = g.moved || Math.hypot(p.x - g.start.x, p.y - g.start.y) > DRAG_THRESHOLD;
  return { ...g, last: p, moved };
}

/** Past the threshold a press on a node drags it; `hit` finds the node under a point. */
export function dragTo(g: Gesture & { kind: "node" }, p: Point, shift: boolean, hit: (p: Point) => number): Gesture {
  const dragging = g.dragging || Math.hypot(p.x - g.start.x, p.y - g.start.y) > DRAG_THRESHOLD;
  const target = dragging ? hit(p) : -1;
  return { ...g, dragging, at: p, target: target === g.index ? -1 : target, alone: shift };
}

/** Whether dropping the dragged person on their current target is a valid move. */
export function dropAllowed(nodes: readonly ChartNode[], g: Gesture): boolean {
  if (g.kind !== "node" || !g.dragging || g.target < 0) return false;
  if (nodes[g.index]?.manager === g.target) return false;
  // Alone, the reports stay behind, so even one of them can become the manager.
  return g.alone || !wouldCreateCycle(nodes, g.index, g.target);
}

/** What a drop would do, in words ("Move Alex Chen under Mia Park."). */
export function dragHint(nodes: readonly ChartNode[], g: Gesture): string {
  if (g.kind !== "node" || !g.dragging) return "";
  const node = nodes[g.index];
  if (!node) return "";
  const name = displayName(node);
  const target = nodes[g.target];
  if (!target) {
    if (node.span === 0) return `Drop ${name} on their new manager.`;
    return g.alone
      ? `Moving ${name} alone: drop on their new manager; their reports stay behind.`
      : `Moving ${name} with their team. Hold Shift while dropping to move ${name} alone.`;
  }
  const manager = displayName(target);
  if (node.manager === target.index) return `${name} already reports to ${manager}.`;
  if (!dropAllowed(nodes, g)) return `${name} can't move under ${manager}: ${manager} reports to ${name}.`;
  if (g.alone && node.span > 0) {
    const reports = `${node.span} direct report${node.span === 1 ? "" : "s"}`;
    const stay = nodes[node.manager ?? -1];
    return `Move ${name} alone under ${manager}; their ${reports} stay with ${stay ? displayName(stay) : "the top of the org"}.`;
  }
  return `Move ${name} under ${manager}.`;
}

/**
 * How far to pan per frame (screen pixels, as `pan` takes them) while a
 * drag is `margin` pixels or less from an edge: faster the closer it is,
 * at most `speed`. Zero away from the edges.
 */
export function edgeScroll(p: Point, width: number, height: number, margin = 48, speed = 18): Point {
  const push = (distance: number) => (distance >= margin ? 0 : speed * Math.min(1, (margin - Math.max(0, distance)) / margin));
  return {
    x: push(p.x) - push(width - p.x),
    y: push(p.y) - push(height - p.y),
  };
}

/** What releasing the pointer does to the org. */
export type Release =
  | { kind: "none" }
  | { kind: "select"; id: string | null }
  /** Select `person` and move them under `manager`, alone (their reports stay) or with their team. */
  | { kind: "move"; person: string; manager: string; alone: boolean };

/**
 * What releasing the pointer ends: a click on a person selects them, a
 * click on the background clears the selection, a drop on someone other
 * than the current manager moves the person there (alone when Shift is
 * held and they have reports; the core refuses a move that makes a loop).
 */
export function release(nodes: readonly ChartNode[], g: Gesture, shift: boolean): Release {
  if (g.kind === "pan") return g.moved ? { kind: "none" } : { kind: "select", id: null };
  if (g.kind !== "node") return { kind: "none" };
  const node = nodes[g.index];
  if (!node) return { kind: "none" };
  if (!g.dragging) return { kind: "select", id: node.id };
  const target = nodes[g.target];
  if (!target || target.index === node.manager) return { kind: "none" };
  return { kind: "move", person: node.id, manager: target.id, alone: shift && node.span > 0 };
}

/** The pointer's look over the chart: a class of ChartCanvas.svelte. */
export type Cursor = "grab" | "grabbing" | "pointer" | "copy" | "not-allowed";

/** The cursor during `g`; `overPerson` when the pointer rests on a person's box. */
export function cursorOf(nodes: readonly ChartNode[], g: Gesture, overPerson: boolean): Cursor {
  if (g.kind === "pan") return g.moved ? "grabbing" : "grab";
  if (g.kind === "node") {
    if (!g.dragging) return "grab";
    if (g.target < 0) return "grabbing";
    return dropAllowed(nodes, g) ? "copy" : "not-allowed";
  }
  return overPerson ? "pointer" : "grab";
}

/** Screen pixels an arrow key pans the chart. */
export const KEY_PAN_STEP = 60;

/** What a key pressed on the chart does, if anything. */
export type ChartKey =
  | { kind: "zoom-in" }
  | { kind: "zoom-out" }
  | { kind: "fit" }
  | { kind: "cancel-gesture" }
  | { kind: "deselect" }
  | { kind: "toggle-collapsed" }
  | { kind: "pan"; dx: number; dy: number };

/**
 * The chart's own keys: + and - zoom, 0 fits, Escape drops a gesture (else
 * the selection), Enter and Space collapse or expand the selected person's
 * team. With someone selected the arrows walk the chart (lib/keys.ts, from
 * the window), so here they pan only with no one selected.
 */
export function chartKey(key: string, hasSelection: boolean, gesturing: boolean): ChartKey | null {
  switch (key) {
    case "+":
    case "=":
      return { kind: "zoom-in" };
    case "-":
    case "_":
      return { kind: "zoom-out" };
    case "0":
      return { kind: "fit" };
    case "Escape":
      return gesturing ? { kind: "cancel-gesture" } : { kind: "deselect" };
    case "Enter":
    case " ":
      return hasSelection ? { kind: "toggle-collapsed" } : null;
    case "ArrowUp":
    case "ArrowDown":
    case "ArrowLeft":
    case "ArrowRight": {
      if (hasSelection) return null;
      const dx = key === "ArrowLeft" ? KEY_PAN_STEP : key === "ArrowRight" ? -KEY_PAN_STEP : 0;
      const dy = key === "ArrowUp" ? KEY_PAN_STEP : key === "ArrowDown" ? -KEY_PAN_STEP : 0;
      return { kind: "pan", dx, dy };
    }
    default:
      return null;
  }
}

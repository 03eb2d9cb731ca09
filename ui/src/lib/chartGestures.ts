// Pointer gestures on the chart, as data: what a press, move and release
// mean (pan, select, drag a person onto a new manager), the hint shown
// while dragging, and the scrolling when a drag nears the chart's edge.
// The component feeds events in and draws; the rules live here.

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

// The app's keyboard shortcuts, as pure functions of the key press and what
// is on show (testable without a DOM), plus the dispatcher App.svelte calls.
//
//   Ctrl+F                 focus the search box
//   Ctrl+Z / Ctrl+Shift+Z  undo / redo (Ctrl+Y too)
//   ↑ ↓ ← →                walk the chart from the selected person: manager,
//                          first report, previous / next sibling
//   Delete                 remove the selected person (after a confirmation)
//
// None fires while typing in a text field or while a modal dialog is open:
// the field's own editing keys and the dialog's keys win.

import type { ChartNode } from "../generated";
import { isTextEntry, shortcutFor, type ShortcutEvent } from "./scenarios.svelte";
import type { Tree } from "./tree";

export type Direction = "up" | "down" | "left" | "right";

export type KeyAction =
  | { kind: "search" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "walk"; index: number }
  | { kind: "delete"; index: number };

export interface KeyContext {
  /** A modal dialog is open (its own keys win). */
  modalOpen: boolean;
  nodes: readonly ChartNode[];
  tree: Tree;
  /** The selected node's index, -1 for none. */
  selected: number;
}

/** A key press, plus whether an element already handled it. */
export interface AppKeyEvent extends ShortcutEvent {
  defaultPrevented?: boolean;
}

const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/** Widgets whose arrow keys move inside them (a select, a menu, tabs, a list). */
const ARROW_WIDGETS = 'select, [role="menu"], [role="listbox"], [role="tablist"], [role="radiogroup"], [role="slider"]';

function ownsArrows(target: unknown): boolean {
  if (typeof target !== "object" || target === null) return false;
  const el = target as { tagName?: unknown; closest?: unknown };
  if (typeof el.tagName === "string" && el.tagName.toUpperCase() === "SELECT") return true;
  if (typeof el.closest !== "function") return false;
  return (el.closest as (selector: string) => unknown).call(target, ARROW_WIDGETS) !== null;
}

/**
 * Where an arrow key goes from `selected`: up to the manager, down to the
 * first report (even under a collapsed manager: selecting it expands the
 * team), left and right to the previous and next person with the same
 * manager. Null at the edge of the chart.
 */
export function walkTarget(
  direction: Direction,
  selected: number,
  nodes: readonly ChartNode[],
  tree: Tree,
): number | null {
  const node = nodes[selected];
  if (!node) return null;
  switch (direction) {
    case "up":
      return node.manager;
    case "down":
      return tree.children[selected]?.[0] ?? null;
    case "left":
    case "right": {
      const siblings = node.manager === null ? tree.roots : (tree.children[node.manager] ?? []);
      const at = siblings.indexOf(selected);
      return siblings[at + (direction === "right" ? 1 : -1)] ?? null;
    }
  }
}

/** What a key press asks the app to do, if anything. */
export function keyAction(e: AppKeyEvent, ctx: KeyContext): KeyAction | null {
  if (ctx.modalOpen || e.defaultPrevented || isTextEntry(e.target)) return null;
  const history = shortcutFor(e);
  if (history) return { kind: history };
  const command = e.ctrlKey || e.metaKey;
  if (command && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "f") return { kind: "search" };
  if (command || e.altKey || ctx.selected < 0) return null;
  const direction = ARROWS[e.key];
  if (direction) {
    if (e.shiftKey || ownsArrows(e.target)) return null;
    const index = walkTarget(direction, ctx.selected, ctx.nodes, ctx.tree);
    return index === null ? null : { kind: "walk", index };
  }
  if (e.key === "Delete" && !e.shiftKey) return { kind: "delete", index: ctx.selected };
  return null;
}

/** What the dispatcher drives. */
export interface KeyTargets {
  context(): KeyContext;
  focusSearch(): void;
  undo(): void;
  redo(): void;
  /** Selects the node and brings it into view (expanding collapsed teams). */
  walkTo(index: number): void;
  confirmDelete(index: number): void;
}

/** Handles a key press for the whole window; true when it was taken. */
export function dispatchKey(e: AppKeyEvent, targets: KeyTargets): boolean {
  const action = keyAction(e, targets.context());
  if (action === null) return false;
  e.preventDefault();
  switch (action.kind) {
    case "search":
      targets.focusSearch();
      break;
    case "undo":
      targets.undo();
      break;
    case "redo":
      targets.redo();
      break;
    case "walk":
      targets.walkTo(action.index);
      break;
    case "delete":
      targets.confirmDelete(action.index);
      break;
  }
  return true;
}

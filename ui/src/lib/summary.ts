// The chart's summary below the legible zoom: rather than boxes too small
// to label, whole teams are drawn as one box each with their headcount.
//
// `SubtreeBoxes` holds the box around every visible node's visible
// subtree (O(n) once per layout). `summarise` walks down from the roots on
// screen and stops at each node whose reports would be drawn narrower than
// `minChildPx` on average: that node becomes a group (its subtree drawn as
// one labelled box), the nodes above it the skeleton that links the
// groups. The walk only visits what it draws, so a frame stays cheap at
// 100k people.

import type { Bounds, ChartLayout } from "./layout";
import type { ChartTree } from "./placeholders";

/** Reports narrower than this on screen, on average, are summed up in one group. */
export const MIN_CHILD_PX = 120;

export class SubtreeBoxes {
  readonly minX: Float32Array;
  readonly minY: Float32Array;
  readonly maxX: Float32Array;
  readonly maxY: Float32Array;
  /** Visible direct reports of each node. */
  readonly kids: number[][];
  /** Visible roots, in order. */
  readonly roots: number[];

  /** `tree` is the chart's (`Placeholders.chartTree`): placeholders over their groups. */
  constructor(layout: ChartLayout, tree: ChartTree) {
    const n = layout.length;
    this.minX = new Float32Array(n).fill(Number.NaN);
    this.minY = new Float32Array(n).fill(Number.NaN);
    this.maxX = new Float32Array(n).fill(Number.NaN);
    this.maxY = new Float32Array(n).fill(Number.NaN);
    this.kids = Array.from({ length: n }, () => []);
    this.roots = tree.roots.filter((r) => layout.isVisible(r));
    // Preorder of the visible nodes, then back up it: children before parents.
    const order: number[] = [];
    const stack = [...this.roots];
    while (stack.length > 0) {
      const v = stack.pop() as number;
      order.push(v);
      this.minX[v] = layout.x(v);
      this.minY[v] = layout.y(v);
      this.maxX[v] = layout.x(v) + layout.width(v);
      this.maxY[v] = layout.y(v) + layout.height(v);
      for (const c of tree.children[v] ?? []) {
        if (!layout.isVisible(c)) continue;
        this.kids[v]?.push(c);
        stack.push(c);
      }
    }
    for (let k = order.length - 1; k >= 0; k--) {
      const v = order[k] as number;
      for (const c of this.kids[v] ?? []) {
        this.minX[v] = Math.min(this.minX[v] as number, this.minX[c] as number);
        this.minY[v] = Math.min(this.minY[v] as number, this.minY[c] as number);
        this.maxX[v] = Math.max(this.maxX[v] as number, this.maxX[c] as number);
        this.maxY[v] = Math.max(this.maxY[v] as number, this.maxY[c] as number);
      }
    }
  }

  /** The box around `v` and everything drawn below it. */
  box(v: number): Bounds {
    return {
      minX: this.minX[v] ?? Number.NaN,
      minY: this.minY[v] ?? Number.NaN,
      maxX: this.maxX[v] ?? Number.NaN,
      maxY: this.maxY[v] ?? Number.NaN,
    };
  }

  #meets(v: number, w: Bounds): boolean {
    return (
      (this.maxX[v] as number) >= w.minX &&
      (this.minX[v] as number) <= w.maxX &&
      (this.maxY[v] as number) >= w.minY &&
      (this.minY[v] as number) <= w.maxY
    );
  }

  /**
   * The groups and skeleton to draw for the world window `world` at
   * `scale`, visiting only nodes whose subtree meets the window.
   */
  summarise(world: Bounds, scale: number, minChildPx = MIN_CHILD_PX): Summary {
    const groups: number[] = [];
    const skeleton: number[] = [];
    const stack = this.roots.filter((r) => this.#meets(r, world)).reverse();
    while (stack.length > 0) {
      const v = stack.pop() as number;
      const kids = this.kids[v] ?? [];
      const widthPx = ((this.maxX[v] as number) - (this.minX[v] as number)) * scale;
      if (kids.length === 0 || widthPx / kids.length < minChildPx) {
        groups.push(v);
        continue;
      }
      skeleton.push(v);
      for (let k = kids.length - 1; k >= 0; k--) {
        const c = kids[k] as number;
        if (this.#meets(c, world)) stack.push(c);
      }
    }
    return { groups, skeleton };
  }
}

export interface Summary {
  /** Nodes drawn as one box around their whole visible subtree. */
  groups: number[];
  /** Nodes above the groups, drawn as their own box linked to their reports. */
  skeleton: number[];
}

/** "12 people" for a group: the manager and everyone under them. */
export function headcountLabel(totalReports: number): string {
  return peopleLabel(totalReports + 1);
}

/** "12 people", "1 person". */
export function peopleLabel(people: number): string {
  return `${people.toLocaleString("en-US")} ${people === 1 ? "person" : "people"}`;
}

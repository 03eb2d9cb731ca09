// "Not in file" placeholders: when the imported file names a manager it
// does not contain, the chart hangs that manager's reports under one
// placeholder box instead of scattering them as unrelated top-level people.
// The layout has one entry per person, then one per placeholder
// (`chart_placeholders`); a placeholder is no person: it is never selected,
// dragged, dropped on, searched or counted.

import type { ChartPlaceholder } from "../generated";
import type { Tree } from "./tree";

/** The chart's reporting lines with the placeholders in: what the summary walks. */
export interface ChartTree {
  /** Direct children of every layout entry (a placeholder's are its members). */
  children: number[][];
  /** Top-level entries in order, each group's placeholder where its first member was. */
  roots: number[];
}

export class Placeholders {
  readonly list: readonly ChartPlaceholder[];
  /** Layout entries before the first placeholder: the people. */
  readonly people: number;
  readonly #groupOf = new Map<number, number>();

  constructor(list: readonly ChartPlaceholder[], people: number) {
    this.list = list;
    this.people = people;
    for (const p of list) for (const m of p.members) this.#groupOf.set(m, p.index);
  }

  static none(): Placeholders {
    return new Placeholders([], 0);
  }

  get count(): number {
    return this.list.length;
  }

  /** The placeholder at layout entry `i`, if `i` is one. */
  at(i: number): ChartPlaceholder | undefined {
    return i >= this.people ? this.list[i - this.people] : undefined;
  }

  /** The layout entry of the placeholder person `i` hangs under, or -1. */
  parentOf(i: number): number {
    return this.#groupOf.get(i) ?? -1;
  }

  /** The chart's tree: `tree` with each group moved under its placeholder. */
  chartTree(tree: Tree): ChartTree {
    if (this.count === 0) return tree;
    const children = tree.children.concat(this.list.map((p) => [...p.members]));
    const roots: number[] = [];
    for (const r of tree.roots) {
      const group = this.#groupOf.get(r);
      if (group === undefined) roots.push(r);
      else if (this.at(group)?.members[0] === r) roots.push(group);
    }
    return { children, roots };
  }
}

/** What a placeholder box says on its first line. */
export function placeholderLabel(p: ChartPlaceholder): string {
  return `Not in file: ${p.reference}`;
}

/** A placeholder box's second line (the first is the reference): what it is and how many hang under it. */
export function placeholderCount(p: ChartPlaceholder): string {
  const n = p.members.length;
  return `Not in file · ${n.toLocaleString("en-US")} ${n === 1 ? "report" : "reports"}`;
}

/** The hover text of a placeholder box. */
export function placeholderHover(p: ChartPlaceholder): string {
  const n = p.members.length;
  const who = n === 1 ? "1 person reports" : `${n.toLocaleString("en-US")} people report`;
  return `${placeholderLabel(p)} — ${who} to this manager, who is not in the imported file`;
}

// Reporting-line helpers over the chart nodes (by node index).

import type { ChartNode } from "../generated";

export interface Tree {
  /** Direct reports of each node, in index order. */
  children: number[][];
  roots: number[];
  byId: Map<string, number>;
}

export function buildTree(nodes: readonly ChartNode[]): Tree {
  const children: number[][] = nodes.map(() => []);
  const roots: number[] = [];
  const byId = new Map<string, number>();
  for (const node of nodes) {
    byId.set(node.id, node.index);
    if (node.manager === null || node.manager === undefined) roots.push(node.index);
    else children[node.manager]?.push(node.index);
  }
  return { children, roots, byId };
}

/** True when `ancestor` is `node` or above it on the solid line. */
export function isAncestor(nodes: readonly ChartNode[], ancestor: number, node: number): boolean {
  let current: number | null = node;
  let guard = nodes.length + 1;
  while (current !== null && guard-- > 0) {
    if (current === ancestor) return true;
    current = nodes[current]?.manager ?? null;
  }
  return false;
}

/** Moving `person` under `manager` would close a loop (checked in Rust too). */
export function wouldCreateCycle(
  nodes: readonly ChartNode[],
  person: number,
  manager: number,
): boolean {
  return isAncestor(nodes, person, manager);
}

/** Depth of each node by index (roots are 0). */
export function depths(nodes: readonly ChartNode[]): number[] {
  const { children, roots } = buildTree(nodes);
  const depth = new Array<number>(nodes.length).fill(0);
  const stack = [...roots];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (const child of children[i] ?? []) {
      depth[child] = (depth[i] ?? 0) + 1;
      stack.push(child);
    }
  }
  return depth;
}

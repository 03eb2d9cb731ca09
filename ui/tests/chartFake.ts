// The fake backend's side of the chart: its first view, its layout and its
// "Not in file" placeholders.

import type { ChartNode, PlaceholderDto } from "../src/generated";
import { encodeLayout, type Rect } from "../src/lib/layout";
import { idsToCollapse } from "../src/lib/store.svelte";

/**
 * Like `chart_open_view` for the small orgs the tests use: everyone fits up
 * to 60 people; bigger orgs show their top three layers (the real command
 * measures the layout against the screen).
 */
export function fakeOpenView(nodes: readonly ChartNode[]): string[] {
  return nodes.length > 60 ? idsToCollapse(nodes, 3) : [];
}

/** What the fake backend keeps that the placeholders come from. */
interface ChartBackend {
  nodes: ChartNode[];
}

/** Per fake backend: person id → the absent manager reference their file row named. */
const absentManagers = new WeakMap<ChartBackend, Map<string, string>>();

/** Makes `backend`'s org one whose file named managers it did not contain. */
export function setAbsentManagers(backend: ChartBackend, byPerson: Record<string, string>): void {
  absentManagers.set(backend, new Map(Object.entries(byPerson)));
}

/**
 * Like `chart_placeholders`: one per absent reference, over the people who
 * name it and are still top-level, in the order of their first member,
 * numbered after the people.
 */
export function fakePlaceholders(backend: ChartBackend): PlaceholderDto[] {
  const absent = absentManagers.get(backend);
  if (!absent) return [];
  const groups = new Map<string, number[]>();
  for (const node of backend.nodes) {
    const reference = absent.get(node.id);
    if (reference === undefined || node.manager !== null) continue;
    const members = groups.get(reference) ?? [];
    members.push(node.index);
    groups.set(reference, members);
  }
  return [...groups].map(([reference, members], i) => ({ index: backend.nodes.length + i, reference, members }));
}

/**
 * Like `chart_layout`: a row of 180 x 60 boxes 200 apart, one per person
 * then one per placeholder; people under a collapsed manager are hidden.
 */
export function fakeLayout(backend: ChartBackend, collapsed: readonly string[]): ArrayBuffer {
  const { nodes } = backend;
  const hidden = (n: ChartNode): boolean => {
    for (let m = n.manager; m !== null; m = nodes[m]?.manager ?? null) {
      if (collapsed.includes(nodes[m]?.id ?? "")) return true;
    }
    return false;
  };
  const count = nodes.length + fakePlaceholders(backend).length;
  const rects: (Rect | null)[] = Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 60 }));
  nodes.forEach((n, i) => {
    if (hidden(n)) rects[i] = null;
  });
  return encodeLayout(rects);
}

// A set of people the chart shows at once (a health finding's), stepped
// through one at a time: "3 of 11". The chart rings every highlighted box
// it draws, so what a frame costs grows with the boxes on screen, not with
// the set: one Set lookup per drawn box.

/** What the chart highlights: why (a label), whom (ids, in order) and the one stepped to. */
export interface Highlight {
  /** What the set is, e.g. "Narrow span"; announced and shown over the chart. */
  label: string;
  /** The people, in the order they are stepped through. */
  ids: readonly string[];
  /** The position of the one on show in `ids`. */
  at: number;
}

/** A highlight of `ids` (duplicates dropped, order kept), at the first; null when empty. */
export function highlightOf(label: string, ids: readonly string[]): Highlight | null {
  const unique = [...new Set(ids)];
  return unique.length === 0 ? null : { label, ids: unique, at: 0 };
}

/** The highlight stepped `delta` places on, wrapping at either end. */
export function stepHighlight(highlight: Highlight, delta: number): Highlight {
  const n = highlight.ids.length;
  return { ...highlight, at: (((highlight.at + delta) % n) + n) % n };
}

/** The id on show. */
export function currentId(highlight: Highlight): string {
  return highlight.ids[highlight.at] ?? "";
}

/** "3 of 11". */
export function positionLabel(highlight: Highlight): string {
  return `${highlight.at + 1} of ${highlight.ids.length}`;
}

/**
 * The node indices of the highlighted people still in the org (`byId`:
 * the tree's id map): built once per highlight and node list, O(set).
 */
export function highlightedIndices(highlight: Highlight | null, byId: ReadonlyMap<string, number>): ReadonlySet<number> {
  const out = new Set<number>();
  if (!highlight) return out;
  for (const id of highlight.ids) {
    const index = byId.get(id);
    if (index !== undefined) out.add(index);
  }
  return out;
}

/** The drawn boxes (`visible`) that are highlighted, in drawing order. */
export function highlightedAmong(visible: readonly number[], highlighted: ReadonlySet<number>): number[] {
  if (highlighted.size === 0) return [];
  return visible.filter((i) => highlighted.has(i));
}

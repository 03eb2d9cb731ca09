// The fake backend's side of the chart's first view.

import type { ChartNode } from "../src/generated";
import { idsToCollapse } from "../src/lib/store.svelte";

/**
 * Like `chart_open_view` for the small orgs the tests use: everyone fits up
 * to 60 people; bigger orgs show their top three layers (the real command
 * measures the layout against the screen).
 */
export function fakeOpenView(nodes: readonly ChartNode[]): string[] {
  return nodes.length > 60 ? idsToCollapse(nodes, 3) : [];
}

// The chart's binary payloads as Rust writes them (tests/backend/chart.*.bin,
// by src/ui_fixtures.rs), decoded by the UI's own decoders and
// checked against the JSON the same Rust test wrote.

import { describe, expect, it } from "vitest";
import type { ChartNode } from "../src/generated";
import { decodeLayout, type Rect } from "../src/lib/layout";
import { decodeDotted, decodeIndexedNodes, decodeNodes } from "../src/lib/nodes";
import { backendBytes, backendJson } from "./backendFixtures";

type Entry = (Rect & { spine: number | null }) | null;

interface ChartReading {
  nodes: ChartNode[];
  chainOf: string;
  chain: ChartNode[];
  /** (manager, report) ids. */
  dotted: [string, string][];
  layout: Entry[];
  collapsed: string;
  layoutCollapsed: Entry[];
}

const reading = backendJson<ChartReading>("chart.reading.json");

function expectLayout(file: string, entries: Entry[]): void {
  const layout = decodeLayout(backendBytes(file), entries.length);
  expect(layout.length).toBe(entries.length);
  entries.forEach((entry, i) => {
    if (entry === null) {
      expect(layout.isVisible(i), `entry ${i} hidden`).toBe(false);
      expect(layout.rect(i)).toBeNull();
      return;
    }
    const { spine, ...rect } = entry;
    expect(layout.rect(i), `entry ${i}`).toEqual(rect);
    if (spine === null) expect(layout.spine(i), `entry ${i} not stacked`).toBeNaN();
    else expect(layout.spine(i), `entry ${i} spine`).toBe(spine);
  });
}

describe("chart bytes written by the backend", () => {
  it("decode to every node's fields, names and flags as the backend sent them", () => {
    const nodes = decodeNodes(backendBytes("chart.nodes.bin"));
    expect(nodes).toEqual(reading.nodes);
    // The golden exercises what the format packs: statuses, verdicts,
    // staff+ flags, placements and teams.
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(["active", "open", "planned", "departing"]));
    expect(nodes.some((n) => n.staff_plus && n.placement !== null)).toBe(true);
    expect(nodes.some((n) => n.verdict !== null)).toBe(true);
    expect(nodes.find((n) => n.id === "cat")).toMatchObject({ team: "Payments", team_id: "payments", manager: 1 });
    // Non-ASCII text and a person in no team.
    expect(nodes.find((n) => n.id === "gus")).toMatchObject({ name: "Gus Grün 👩‍💻", team: null, team_id: null });
  });

  it("decode one person's chain with their own indices", () => {
    const chain = decodeIndexedNodes(backendBytes("chart.chain.bin"));
    expect(chain).toEqual(reading.chain);
    expect(chain.map((n) => n.id)).toEqual([reading.chainOf, "ann", "ceo"]);
  });

  it("decode dotted lines as (manager, report) node indices", () => {
    const pairs = decodeDotted(backendBytes("chart.dotted.bin"));
    const indexOf = new Map(reading.nodes.map((n) => [n.id, n.index]));
    const expected = reading.dotted.flatMap(([manager, report]) => [indexOf.get(manager), indexOf.get(report)]);
    expect([...pairs]).toEqual(expected);
    expect(reading.dotted).toHaveLength(3);
  });

  it("decode the layout's positions, sizes and stacking spines", () => {
    expectLayout("chart.layout.bin", reading.layout);
    expect(reading.layout.every((e) => e !== null)).toBe(true);
    expect(reading.layout.some((e) => e !== null && e.spine !== null)).toBe(true);
  });

  it("decode a collapsed manager's reports as hidden", () => {
    expectLayout("chart.layout-collapsed.bin", reading.layoutCollapsed);
    const hidden = reading.nodes.filter((n) => reading.layoutCollapsed[n.index] === null).map((n) => n.id);
    expect(hidden).toEqual(["bob", "cat"]);
    expect(reading.collapsed).toBe("ann");
  });
});

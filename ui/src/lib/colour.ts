// "Colour by" for the chart: each node's key and the legend, per mode.
// Keys are computed once per node list (a Uint8Array), so a frame only
// looks colours up. Mirrors the export's colouring (`render/colour.rs`).

import type { ChartNode } from "../generated";

export type ColourBy = "verdict" | "team" | "placement" | "status";

export const COLOUR_MODES: ReadonlyArray<{ id: ColourBy; label: string }> = [
  { id: "verdict", label: "Span verdict" },
  { id: "team", label: "Team" },
  { id: "placement", label: "Staff+ placement" },
  { id: "status", label: "Status" },
];

export interface LegendEntry {
  label: string;
  colour: string;
  /** People with this key. */
  count: number;
}

export interface Colouring {
  mode: ColourBy;
  /** Key per node index, into `colours`. */
  keys: Uint8Array;
  /** Colour per key. */
  colours: string[];
  /** Legend entries in display order (may leave out rare keys, see `more`). */
  legend: LegendEntry[];
  /** Keys not listed in the legend (e.g. small teams sharing colours). */
  more: number;
  /** The key that says nothing (drawn plain). */
  neutral: number;
}

/** Saturated enough to read as a stripe or dot on light and dark themes. */
export const TEAM_PALETTE: readonly string[] = [
  "#3b82f6", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2",
  "#ea580c", "#c026d3", "#65a30d", "#4f46e5", "#0d9488", "#db2777",
];
export const NEUTRAL = "#9aa1b1";
/** Teams listed by name in the legend; the rest are counted. */
export const LEGEND_TEAMS = 10;

const FIXED: Record<Exclude<ColourBy, "team">, Array<[string, string]>> = {
  verdict: [
    ["Narrow span", "#d97706"],
    ["Span in band", "#16a34a"],
    ["Wide span", "#dc2626"],
    ["Individual contributor", NEUTRAL],
  ],
  placement: [
    ["Staff+ embedded", "#3b82f6"],
    ["Staff+ central", "#7c3aed"],
    ["Staff+ unplaced", "#dc2626"],
    ["Others", NEUTRAL],
  ],
  status: [
    ["Active", "#16a34a"],
    ["Open req", "#3b82f6"],
    ["Planned hire", "#7c3aed"],
    ["Departing", "#ea580c"],
  ],
};

/** The fixed key of a node in a non-team mode. */
export function fixedKey(mode: Exclude<ColourBy, "team">, node: ChartNode): number {
  switch (mode) {
    case "verdict":
      return node.verdict === "narrow" ? 0 : node.verdict === "in_band" ? 1 : node.verdict === "wide" ? 2 : 3;
    case "placement":
      if (!node.staff_plus) return 3;
      return node.placement === "embedded" ? 0 : node.placement === "central" ? 1 : 2;
    case "status":
      return node.status === "active" ? 0 : node.status === "open" ? 1 : node.status === "planned" ? 2 : 3;
  }
}

export function colouring(mode: ColourBy, nodes: readonly ChartNode[]): Colouring {
  const keys = new Uint8Array(nodes.length);
  if (mode !== "team") {
    const fixed = FIXED[mode];
    const counts = fixed.map(() => 0);
    nodes.forEach((node, i) => {
      const key = fixedKey(mode, node);
      keys[i] = key;
      counts[key] = (counts[key] ?? 0) + 1;
    });
    return {
      mode,
      keys,
      colours: fixed.map(([, colour]) => colour),
      legend: fixed.map(([label, colour], k) => ({ label, colour, count: counts[k] ?? 0 })),
      more: 0,
      neutral: fixed.length - 1,
    };
  }
  // Teams: biggest first, so the legend names the teams most boxes show;
  // colours cycle through the palette. The last key is "No team".
  const sizes = new Map<string, number>();
  for (const node of nodes) if (node.team !== null) sizes.set(node.team, (sizes.get(node.team) ?? 0) + 1);
  const teams = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const keyOf = new Map<string, number>();
  teams.forEach(([name], i) => keyOf.set(name, i % TEAM_PALETTE.length));
  const none = TEAM_PALETTE.length;
  let noTeam = 0;
  nodes.forEach((node, i) => {
    const key = node.team === null ? none : (keyOf.get(node.team) ?? none);
    if (key === none) noTeam++;
    keys[i] = key;
  });
  const legend: LegendEntry[] = teams.slice(0, LEGEND_TEAMS).map(([label, count], i) => ({
    label,
    colour: TEAM_PALETTE[i % TEAM_PALETTE.length] ?? NEUTRAL,
    count,
  }));
  if (noTeam > 0) legend.push({ label: "No team", colour: NEUTRAL, count: noTeam });
  return {
    mode,
    keys,
    colours: [...TEAM_PALETTE, NEUTRAL],
    legend,
    more: Math.max(0, teams.length - LEGEND_TEAMS),
    neutral: none,
  };
}

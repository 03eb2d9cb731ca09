import { describe, expect, it } from "vitest";
import { colouring, fixedKey, LEGEND_TEAMS, NEUTRAL, TEAM_PALETTE } from "../src/lib/colour";
import { clipSegment, LEGIBLE_SCALE, levelOfDetail } from "../src/lib/lod";
import { minimapToWorld, minimapTransform, navigateTo, viewportInMinimap, worldToMinimap } from "../src/lib/minimap";
import { visibleWorld } from "../src/lib/viewport";
import { node, smallOrg } from "./fixtures";

describe("level of detail", () => {
  it("labels boxes from LEGIBLE_SCALE and draws a summary below it", () => {
    expect(levelOfDetail(1)).toBe("full");
    expect(levelOfDetail(LEGIBLE_SCALE)).toBe("full");
    expect(levelOfDetail(LEGIBLE_SCALE - 0.01)).toBe("summary");
    expect(levelOfDetail(0.01)).toBe("summary");
    // The 13 px name is at least 9 px on screen wherever it is drawn.
    expect(13 * LEGIBLE_SCALE).toBeGreaterThanOrEqual(9);
  });
});

describe("clipSegment", () => {
  const box = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
  it("keeps the part of a line inside the screen", () => {
    expect(clipSegment(box, 50, 50, 60, 60)).toEqual([0, 1]);
    const [t0, t1] = clipSegment(box, -100, 50, 300, 50)!;
    expect(t0).toBeCloseTo(0.25);
    expect(t1).toBeCloseTo(0.5);
    expect(clipSegment(box, -1e7, 50, 1e7, 50)).not.toBeNull();
  });
  it("drops lines that miss it", () => {
    expect(clipSegment(box, -10, -10, -5, 200)).toBeNull();
    expect(clipSegment(box, 200, 0, 300, 100)).toBeNull();
    expect(clipSegment(box, 150, -50, 300, 100)).toBeNull();
    expect(clipSegment(box, 150, -50, -50, 350)).not.toBeNull();
  });
});

describe("minimap maths", () => {
  const bounds = { minX: -100, minY: 0, maxX: 1900, maxY: 500 };
  const t = minimapTransform(bounds, 220, 120, 4);

  it("fits the chart centred inside the padding", () => {
    expect(t.scale).toBeCloseTo(212 / 2000);
    const a = worldToMinimap(t, { x: bounds.minX, y: bounds.minY });
    const b = worldToMinimap(t, { x: bounds.maxX, y: bounds.maxY });
    expect(a.x).toBeCloseTo(4);
    expect(b.x).toBeCloseTo(216);
    expect((a.y + b.y) / 2).toBeCloseTo(60);
    const back = minimapToWorld(t, a);
    expect(back.x).toBeCloseTo(-100);
    expect(back.y).toBeCloseTo(0);
  });

  it("draws the view's rectangle and a click centres the view there, same zoom", () => {
    const view = { x: 0, y: 0, scale: 0.5 };
    const frame = viewportInMinimap(t, view, 800, 400);
    expect(frame.width).toBeCloseTo(1600 * t.scale);
    expect(frame.height).toBeCloseTo(800 * t.scale);
    const moved = navigateTo(t, { x: 110, y: 60 }, view, 800, 400);
    expect(moved.scale).toBe(0.5);
    const world = visibleWorld(moved, 800, 400);
    const centre = minimapToWorld(t, { x: 110, y: 60 });
    expect((world.minX + world.maxX) / 2).toBeCloseTo(centre.x);
    expect((world.minY + world.maxY) / 2).toBeCloseTo(centre.y);
  });
});

describe("colour by", () => {
  const nodes = smallOrg();
  nodes[2] = { ...nodes[2]!, staff_plus: true, placement: "embedded", status: "open" };
  nodes[3] = { ...nodes[3]!, staff_plus: true, placement: "unplaced", team: "Edge" };
  nodes[4] = { ...nodes[4]!, team: null, status: "departing" };

  it("maps verdicts, placement and status to fixed keys with counts", () => {
    const verdict = colouring("verdict", nodes);
    expect([...verdict.keys]).toEqual([0, 0, 3, 3, 3]);
    expect(verdict.legend.map((e) => [e.label, e.count])).toEqual([
      ["Narrow span", 2],
      ["Span in band", 0],
      ["Wide span", 0],
      ["Individual contributor", 3],
    ]);
    expect([...colouring("placement", nodes).keys]).toEqual([3, 3, 0, 2, 3]);
    expect(fixedKey("placement", { ...nodes[0]!, staff_plus: true, placement: "central" })).toBe(1);
    expect([...colouring("status", nodes).keys]).toEqual([0, 0, 1, 0, 3]);
  });

  it("colours teams biggest first, with No team neutral", () => {
    const c = colouring("team", nodes);
    expect(c.legend.map((e) => e.label)).toEqual(["Core", "Edge", "No team"]);
    expect(c.legend[0]!.colour).toBe(TEAM_PALETTE[0]);
    expect(c.legend[2]!.colour).toBe(NEUTRAL);
    expect(c.keys[4]).toBe(c.neutral);
    expect(c.colours[c.keys[3]!]).toBe(TEAM_PALETTE[1]);
  });

  it("names only the biggest teams in the legend and counts the rest", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...node(i, `p${i}`, `P ${i}`, null), team: `T${i % 15}` }));
    const c = colouring("team", many);
    expect(c.legend).toHaveLength(LEGEND_TEAMS);
    expect(c.more).toBe(15 - LEGEND_TEAMS);
    expect(Math.max(...c.keys)).toBeLessThan(TEAM_PALETTE.length);
  });
});

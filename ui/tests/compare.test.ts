import { describe, expect, it } from "vitest";
import type { ComparisonView, ListedScenario } from "../src/generated";
import {
  compareRows,
  formatDelta,
  formatMetricValue,
  groupLines,
  metricLabel,
  orderScenarios,
  scenarioLabel,
  settingsNotes,
} from "../src/lib/compare";

describe("compare formatting", () => {
  it("formats values by kind of metric", () => {
    expect(formatMetricValue("people", 1234)).toBe("1,234");
    expect(formatMetricValue("span_mean", 4.5678)).toBe("4.57");
    expect(formatMetricValue("coverage_ratio", 0.7512)).toBe("75.1%");
    expect(formatMetricValue("cost", 12_345_678.9)).toBe("12,345,679");
    expect(formatMetricValue("manager_ic_ratio", null)).toBe("—");
    expect(metricLabel("cost")).toBe("Cost (annual total)");
    expect(metricLabel("brand_new_metric")).toBe("brand new metric");
  });

  it("signs deltas and hides those that round to zero", () => {
    expect(formatDelta("managers", 1)).toBe("+1");
    expect(formatDelta("managers", -2)).toBe("−2");
    expect(formatDelta("managers", 0)).toBe("");
    expect(formatDelta("managers", null)).toBe("");
    expect(formatDelta("span_mean", -0.125)).toBe("−0.13");
    expect(formatDelta("span_mean", 0.0004)).toBe("");
    expect(formatDelta("coverage_ratio", 0.05)).toBe("+5 pp");
    expect(formatDelta("coverage_ratio", -0.0001)).toBe("");
    expect(formatDelta("cost", 120_000.4)).toBe("+120,000");
    expect(formatDelta("cost", -1500)).toBe("−1,500");
  });

  it("builds one row per metric with the baseline column undeltaed", () => {
    const comparison: ComparisonView = {
      scenarios: ["baseline", "a", "b"],
      metrics: [
        { metric: "managers", values: [10, 11, 10], deltas: [0, 1, 0], by_settings: [false, false, false] },
        { metric: "manager_ic_ratio", values: [3, null, 2.5], deltas: [0, null, -0.5], by_settings: [false, false, false] },
      ],
      against_baseline: [],
      pairwise: [],
      settings: [null, null, null],
    };
    const rows = compareRows(comparison);
    expect(rows.map((r) => r.label)).toEqual(["Managers", "ICs per manager"]);
    expect(rows[0]!.cells).toEqual([
      { value: "10", delta: "", direction: "", bySettings: false },
      { value: "11", delta: "+1", direction: "up", bySettings: false },
      { value: "10", delta: "", direction: "", bySettings: false },
    ]);
    expect(rows[1]!.cells[1]).toEqual({ value: "—", delta: "", direction: "", bySettings: false });
    expect(rows[1]!.cells[2]).toEqual({ value: "2.5", delta: "−0.5", direction: "down", bySettings: false });
  });

  it("marks metrics a scenario computes with its own settings and says which", () => {
    const comparison: ComparisonView = {
      scenarios: ["baseline", "reorg", "banded"],
      metrics: [
        { metric: "band_in_band", values: [10, 10, 49], deltas: [0, 0, 39], by_settings: [false, false, true] },
        { metric: "people", values: [100, 100, 100], deltas: [0, 0, 0], by_settings: [false, false, false] },
      ],
      against_baseline: [],
      pairwise: [],
      settings: [null, null, "span band 3-9 (baseline 5-8)"],
    };
    const rows = compareRows(comparison);
    expect(rows[0]!.cells.map((c) => c.bySettings)).toEqual([false, false, true]);
    expect(rows[1]!.cells.some((c) => c.bySettings)).toBe(false);
    expect(settingsNotes(comparison)).toEqual([
      { scenario: "banded", text: "banded has its own settings: span band 3-9 (baseline 5-8)." },
    ]);
  });

  it("groups diff lines by kind in reading order", () => {
    const groups = groupLines([
      { kind: "dotted", person: "a", text: "+ a dotted line to b" },
      { kind: "moved", person: "c", text: "c: x → y" },
      { kind: "moved", person: "d", text: "d: x → z" },
      { kind: "mystery", person: null, text: "?" },
    ]);
    expect(groups.map((g) => [g.label, g.lines.length])).toEqual([
      ["Moved", 2],
      ["Dotted lines", 1],
      ["mystery", 1],
    ]);
  });

  it("lists scenarios baseline first with changes and parent", () => {
    const s = (name: string, head: number, changes: number, parent: string | null): ListedScenario => ({
      name,
      parent,
      is_baseline: name === "baseline",
      head,
      changes,
      can_undo: head > 0,
      can_redo: head < changes,
      conflicts: 0,
    });
    const ordered = orderScenarios([s("reorg", 1, 3, "baseline"), s("baseline", 0, 0, null)]);
    expect(ordered.map(scenarioLabel)).toEqual(["baseline (0 changes)", "reorg (1 change, 2 undone) · from baseline"]);
  });
});

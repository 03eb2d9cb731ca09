import { describe, expect, it } from "vitest";
import type { Breakdown, DashboardQuery, DashboardView, SnapshotRow } from "../src/generated";
import {
  breakdownRows,
  shadeExtent,
  unnamedNote,
  headlineFigures,
  layersChart,
  loadChart,
  outOfBandCaption,
  outOfBandRows,
  spanHistogram,
  trendData,
} from "../src/lib/dashboard";
import { DashboardStore } from "../src/lib/dashboard.svelte";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { backendOrg, dashboardOf, stateOf } from "./backendFixtures";
import { fakeBackend } from "./fixtures";

/**
 * The backend's `dashboard` org: ceo (10 reports: wide by 2) -> m1 (1
 * report: narrow by 4), m2 (3: narrow by 2), 8 ICs; teams Core (ceo, m1,
 * m2 + 2), Data (5), none (5); two staff+ engineers, one over a max load of 1.
 */
const org = backendOrg("dashboard");

function answer(request: Omit<DashboardQuery, "out_of_band_limit">): DashboardView {
  return dashboardOf(org, stateOf(org, []), { ...request, out_of_band_limit: 100 });
}

function dashboard(overrides: Partial<DashboardView> = {}): DashboardView {
  return { ...answer({ group_by: "team", rank_by: "headcount", top: 10 }), ...overrides };
}

describe("dashboard shaping", () => {
  it("draws every span from 1 with the band shaded and bars toned by verdict", () => {
    const data = spanHistogram(dashboard());
    // Spans 1..10 (the largest present), zeros in the gaps.
    expect(data.labels).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(data.values).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(data.shade).toEqual({ from: 4, to: 7 });
    expect(data.tones.slice(3, 9)).toEqual(["narrow", "in-band", "in-band", "in-band", "in-band", "wide"]);
    expect(data.description).toContain("target band 5 to 8 shaded");
    expect(data.description).toContain("2 narrow, 0 in band, 1 wide");
  });

  it("keeps the shaded band on the axis when no manager is wide", () => {
    const data = spanHistogram(dashboard({ span_histogram: [{ span: 2, managers: 4 }] }));
    expect(data.labels).toHaveLength(9);
    expect(data.shade).toEqual({ from: 4, to: 7 });
  });

  it("charts people per layer, top layer first", () => {
    const data = layersChart(dashboard());
    expect(data.labels).toEqual(["L1", "L2", "L3"]);
    expect(data.values).toEqual([1, 10, 4]);
    expect(data.description).toContain("layer 2: 10");
  });

  it("shows the staff+ load distribution with the max load marked and overloads toned", () => {
    const data = loadChart(dashboard());
    expect(data.labels).toEqual(["0", "1", "2"]);
    expect(data.values).toEqual([0, 1, 1]);
    expect(data.marker).toEqual({ at: 1, label: "max load 1" });
    expect(data.tones).toEqual(["neutral", "neutral", "over"]);
    expect(data.description).toContain("1 overloaded");
  });

  it("lists out-of-band managers furthest from the band first, ties by id", () => {
    const rows = outOfBandRows([
      { id: "b", name: "Bee", title: "EM", span: 3, verdict: "narrow", distance: 2 },
      { id: "z", name: "Zed", title: "VP", span: 12, verdict: "wide", distance: 4 },
      { id: "a", name: "", title: "EM", span: 10, verdict: "wide", distance: 2 },
    ]);
    expect(rows.map((r) => r.id)).toEqual(["z", "a", "b"]);
    expect(rows[0]!.gap).toBe("4 over the band");
    expect(rows[2]!.gap).toBe("2 under the band");
    // A nameless person is listed by id.
    expect(rows[1]!.name).toBe("a");
    expect(rows[0]!.label).toBe("Zed, Wide: 12 reports, 4 over the band. Show on the chart");
  });

  it("says when the out-of-band list is capped", () => {
    const d = dashboard();
    expect(outOfBandCaption(d)).toBe("3 managers out of band, furthest first.");
    expect(outOfBandCaption({ ...d, dashboard: { ...d.dashboard, out_of_band_total: 250 } })).toContain("The 3 furthest from the band of 250");
    expect(outOfBandCaption({ ...d, dashboard: { ...d.dashboard, out_of_band: [], out_of_band_total: 0 } })).toBe(
      "Every manager is within the band.",
    );
  });

  it("folds the groups beyond the top N into one row and words the unnamed group", () => {
    const d = answer({ group_by: "team", rank_by: "headcount", top: 2 });
    const rows = breakdownRows(d.dashboard.breakdown, d.people);
    expect(rows.map((r) => r.label)).toEqual(["Core", "Data", "Other 1 team"]);
    expect(rows.map((r) => r.headcount)).toEqual(["5", "5", "5"]);
    expect(rows[2]!.rest).toBe(true);
    // Core: 200,000 + 2 × 120,000 + 100,000 + 100,000.
    expect(rows[0]!.cost).toBe("640,000");
    expect(rows[0]!.share).toBe("33%");
    const all = answer({ group_by: "department", rank_by: "headcount", top: 10 });
    expect(breakdownRows(all.dashboard.breakdown, all.people).map((r) => r.label)).toEqual(["Engineering", "No department"]);
  });

  it("puts the headline figures in order with coverage and staff+ load", () => {
    const figures = headlineFigures(dashboard());
    expect(figures.map((f) => f.testid)).toEqual([
      "dash-people",
      "dash-managers",
      "dash-layers",
      "dash-ratio",
      "dash-out-of-band",
      "dash-coverage",
      "dash-staff-plus",
    ]);
    expect(figures.find((f) => f.testid === "dash-ratio")!.value).toBe("1 : 4");
    expect(figures.find((f) => f.testid === "dash-coverage")!.hint).toBe("2 covered · 0 uncovered");
    expect(figures.find((f) => f.testid === "dash-out-of-band")!.hint).toBe("2 narrow · 1 wide");
  });

  it("follows one figure over the snapshots, oldest first", () => {
    const snap = (id: number, people: number, coverage_ratio: number | null): SnapshotRow => ({
      id,
      scenario: "baseline",
      as_of: "2026-11-27",
      taken_at: `2026-11-27T10:0${id}:00.000Z`,
      reason: `edit ${id}`,
      view: "current",
      people,
      managers: 2,
      layers: 3,
      span_median: 2,
      band_narrow: 1,
      band_wide: 2,
      manager_ic_ratio: 1.5,
      coverage_ratio,
      cost: 0,
    });
    const snapshots = [snap(2, 11, null), snap(1, 10, 0.756)];
    const people = trendData(snapshots, "people");
    expect(people.values).toEqual([10, 11]);
    expect(people.labels).toEqual(["11-27 10:01", "11-27 10:02"]);
    expect(people.notes[0]).toBe("2026-11-27 10:01 · edit 1");
    expect(people.description).toBe("People over 2 snapshots; latest 11.");
    expect(trendData(snapshots, "coverage").values).toEqual([75.6, null]);
    expect(trendData(snapshots, "outOfBand").values).toEqual([3, 3]);
    expect(trendData([], "people").description).toContain("no snapshots");
  });
});

describe("dashboard store", () => {
  async function setup() {
    const platform = fakeBackend("dashboard");
    const org = new OrgStore(platform);
    const scenarios = new ScenarioStore(platform, org);
    let chartShown = 0;
    const dash = new DashboardStore(platform, org, () => chartShown++);
    await org.load();
    await scenarios.load();
    await dash.load();
    return { platform, org, scenarios, dash, chartShown: () => chartShown };
  }

  it("loads the figures and the trend of the scenario on show", async () => {
    const { dash, platform } = await setup();
    expect(dash.data?.people).toBe(15);
    expect(dash.data?.dashboard.out_of_band.map((m) => m.id)).toEqual(["m1", "ceo", "m2"]);
    expect(dash.snapshots.map((s) => s.reason)).toEqual(["seed demo org"]);
    expect(platform.dashboardRequests).toEqual([{ group_by: "team", rank_by: "headcount", top: 10, out_of_band_limit: 100 }]);
  });

  it("asks again with the chosen grouping, ranking and top N", async () => {
    const { dash, platform } = await setup();
    await dash.setGroupBy("department");
    await dash.setRankBy("cost");
    await dash.setTop(5);
    // Choosing what is already chosen asks nothing.
    await dash.setTop(5);
    expect(platform.dashboardRequests.slice(1)).toEqual([
      { group_by: "department", rank_by: "headcount", top: 10, out_of_band_limit: 100 },
      { group_by: "department", rank_by: "cost", top: 10, out_of_band_limit: 100 },
      { group_by: "department", rank_by: "cost", top: 5, out_of_band_limit: 100 },
    ]);
    expect(dash.data?.dashboard.breakdown.group_by).toBe("department");
  });

  it("jumps to a manager: shows the chart, selects and centres on them", async () => {
    const { dash, org, chartShown } = await setup();
    expect(await dash.jumpTo("m2")).toBe(true);
    expect(chartShown()).toBe(1);
    expect(org.selectedId).toBe("m2");
    expect(org.focus?.index).toBe(2);
    expect(org.details?.id).toBe("m2");
    expect(org.announcement).toBe("Showing Mia Two on the chart.");
  });

  it("refuses to jump to someone no longer in the scenario", async () => {
    const { dash, org, chartShown } = await setup();
    expect(await dash.jumpTo("gone")).toBe(false);
    expect(chartShown()).toBe(0);
    expect(org.selectedId).toBe(null);
    expect(dash.error?.code).toBe("not-found");
  });

  it("asks to wait when the chart is still loading", async () => {
    const { dash, org, chartShown } = await setup();
    org.loading = true;
    org.nodes = [];
    expect(await dash.jumpTo("m2")).toBe(false);
    expect(chartShown()).toBe(0);
    expect(dash.error?.code).toBe("busy");
  });

  it("shows the trend of the scenario on show after a switch", async () => {
    const { dash, scenarios } = await setup();
    expect(await scenarios.create("flat")).toBe(true);
    await dash.load();
    expect(dash.snapshots).toEqual([]);
    expect(dash.data?.scenario).toBe("flat");
    expect(await scenarios.switchTo("baseline")).toBe(true);
    await dash.load();
    expect(dash.snapshots).toHaveLength(1);
  });

  it("shows the new figures and a new trend point after a move", async () => {
    const { dash, org } = await setup();
    // m1's only report moves to m2: m1 is no longer a manager, m2 has 4.
    expect(await org.move("r1", "m2")).toBe(true);
    await dash.load();
    expect(dash.data?.managers).toBe(2);
    expect(dash.data?.dashboard.out_of_band.map((m) => [m.id, m.distance])).toEqual([
      ["ceo", 2],
      ["m2", 1],
    ]);
    expect(dash.snapshots).toHaveLength(2);
    expect(dash.snapshots[1]!.reason).toBe("move r1 -> m2");
    expect(trendData(dash.snapshots, "managers").values).toEqual([3, 2]);
  });

  it("words a failure by code and keeps the last figures", async () => {
    const { dash, platform } = await setup();
    platform.failNext.set("dashboard", { code: "busy", message: "the workspace is busy" });
    await dash.load();
    expect(dash.error?.code).toBe("busy");
    expect(dash.data?.people).toBe(15);
    await dash.load();
    expect(dash.error).toBe(null);
  });

  it("drops an answer overtaken by a later load", async () => {
    const { dash, platform } = await setup();
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const original = platform.dashboard.bind(platform);
    let first = true;
    platform.dashboard = async (request) => {
      const answer = await original(request);
      if (first) {
        first = false;
        await slow;
        return { ...answer, people: -1 };
      }
      return answer;
    };
    const stale = dash.load();
    await dash.load();
    release();
    await stale;
    expect(dash.data?.people).toBe(15);
  });
});

describe("band shading", () => {
  it("covers the band's bars, not the ticks the axis kept", () => {
    // 22 bars 10 px apart: the band 5–8 is bars 4–7 (centres 45…75).
    const centres = Array.from({ length: 22 }, (_, i) => 5 + i * 10);
    expect(shadeExtent(centres, { from: 4, to: 7 }, 10)).toEqual({ from: 40, to: 80 });
    expect(shadeExtent(centres, null, 10)).toBeNull();
    expect(shadeExtent(centres, { from: 30, to: 31 }, 10)).toBeNull();
  });
});

describe("unknown costs", () => {
  it("shows — for every cost when no one has one, and the amount otherwise", () => {
    const b: Breakdown = {
      group_by: "department",
      rank_by: "headcount",
      top: [
        { name: "Eng", headcount: 3, cost: 0 },
        { name: null, headcount: 1, cost: 0 },
      ],
      rest: { groups: 2, headcount: 2, cost: 0 },
      groups: 4,
    };
    expect(breakdownRows(b, 6, false).map((r) => r.cost)).toEqual(["—", "—", "—"]);
    expect(breakdownRows(b, 6, true).map((r) => r.cost)).toEqual(["0", "0", "0"]);
    expect(breakdownRows(b, 6, false)[1]!.label).toBe("No department");
    expect(unnamedNote("department")).toContain("team has no department");
  });
});

import { describe, expect, it } from "vitest";
import type { Health } from "../src/generated";
import { currentId, highlightedIndices, highlightOf, positionLabel, stepHighlight } from "../src/lib/chartHighlight";
import { CHECK_TITLES, findingRows, findingsSummary, HealthStore, namesLine, peopleToShow } from "../src/lib/health.svelte";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { fakeBackend } from "./fixtures";
import type { BackendOrgName } from "./backendFixtures";

/**
 * The backend's `dashboard` org: ceo wide (10 reports), m1 narrow with one
 * report (r1), m2 narrow (3), ic4 a staff+ engineer over a max load of 1,
 * and no team lead named in the file. `staffplus`: Search uncovered, every
 * team below the size target. `solo`: one person, nothing to find.
 */
async function setup(name: BackendOrgName = "dashboard") {
  const platform = fakeBackend(name);
  const org = new OrgStore(platform);
  const scenarios = new ScenarioStore(platform, org);
  let chartShown = 0;
  const health = new HealthStore(platform, org, () => chartShown++);
  await org.load();
  await scenarios.load();
  await health.load();
  return { platform, org, scenarios, health, chartShown: () => chartShown };
}

describe("health findings", () => {
  it("lists the backend's findings in check order, titled, with the first names", async () => {
    const { health } = await setup();
    const rows = health.rows;
    expect(rows.map((r) => [r.id, r.severity, r.count])).toEqual([
      ["span-wide", "error", 1],
      ["span-narrow", "warning", 2],
      ["single-report-manager", "warning", 1],
      ["overloaded-staff-plus", "error", 1],
      ["team-without-lead", "warning", 2],
    ]);
    expect(rows[0]!.title).toBe("Spans above the band");
    expect(namesLine(rows[0]!)).toBe("Casey Chief");
    expect(namesLine(rows[1]!)).toBe("Mo One, Mia Two");
    expect(rows[1]!.message).toContain("fewer than 5 direct reports");
    // The file names no lead: one finding about the source, nobody to show.
    expect(rows[4]).toMatchObject({ showable: false, names: [], more: 0 });
    expect(rows[4]!.message).toContain("the source names no team leads");
    expect(findingsSummary(rows)).toBe("5 findings");
  });

  it("names teams by their rows and cuts long lists to the first few", () => {
    const health: Health = {
      findings: [
        { id: "uncovered-team", severity: "warning", count: 2, people: [], teams: ["t1", "t2"], message: "m" },
        { id: "deep-chain", severity: "error", count: 5, people: ["a", "b", "c", "d", "e"], teams: [], message: "m" },
      ],
      layers: { people: 7, layers: 5, from: 0, up_to: 500 },
    };
    const teams = [{ id: "t1", name: "Payments" }] as never;
    const rows = findingRows(health, (id) => (id === "a" ? "Ann" : null), teams);
    expect(namesLine(rows[0]!)).toBe("Payments, t2");
    expect(rows[0]!.aboutTeams).toBe(true);
    expect(rows[1]!.names).toEqual(["Ann", "b", "c"]);
    expect(namesLine(rows[1]!)).toBe("Ann, b, c and 2 more");
  });

  it("has a title for every check", () => {
    for (const title of Object.values(CHECK_TITLES)) expect(title.length).toBeGreaterThan(5);
  });

  it("says so when there is nothing to find", async () => {
    const { health } = await setup("solo");
    expect(health.health?.findings).toEqual([]);
    expect(health.rows).toEqual([]);
    expect(findingsSummary(health.rows)).toBe("No findings");
  });

  it("fetches the findings again after an edit", async () => {
    const { health, org, scenarios } = await setup();
    const revision = scenarios.revision;
    // m1's only report moves to m2: m1 is no longer a manager.
    expect(await org.move("r1", "m2")).toBe(true);
    expect(scenarios.revision).toBeGreaterThan(revision);
    await health.load();
    expect(health.rows.map((r) => r.id)).toEqual(["span-wide", "span-narrow", "overloaded-staff-plus", "team-without-lead"]);
    expect(namesLine(health.rows[1]!)).toBe("Mia Two");
  });

  it("words a failure by code and keeps the last findings", async () => {
    const { health, platform } = await setup();
    platform.failNext.set("health", { code: "busy", message: "the workspace is busy" });
    await health.load();
    expect(health.error?.code).toBe("busy");
    expect(health.rows).toHaveLength(5);
  });
});

describe("showing a finding on the chart", () => {
  it("highlights the finding's people, selects the first and announces the position", async () => {
    const { health, org, chartShown } = await setup();
    expect(await health.show("span-narrow")).toBe(true);
    expect(chartShown()).toBe(1);
    expect(org.highlight).toEqual({ label: "Spans below the band", ids: ["m1", "m2"], at: 0 });
    expect([...org.highlighted].sort()).toEqual([org.tree.byId.get("m1"), org.tree.byId.get("m2")].sort());
    expect(org.selectedId).toBe("m1");
    expect(org.focus?.index).toBe(org.tree.byId.get("m1"));
    expect(org.announcement).toBe("Spans below the band: Mo One, 1 of 2.");
    await org.stepSet(1);
    expect(org.selectedId).toBe("m2");
    expect(org.announcement).toBe("Spans below the band: Mia Two, 2 of 2.");
    await org.stepSet(1);
    expect(org.selectedId).toBe("m1");
    await org.stepSet(-1);
    expect(org.selectedId).toBe("m2");
    org.clearSet();
    expect(org.highlight).toBe(null);
    expect(org.highlighted.size).toBe(0);
    expect(org.selectedId).toBe("m2");
  });

  it("shows a team finding as the teams' counted members", async () => {
    const { health, org } = await setup("staffplus");
    expect(await health.show("uncovered-team")).toBe(true);
    // Search's one member.
    expect(org.highlight?.ids).toEqual(["q1"]);
    expect(await health.show("team-size-out-of-target")).toBe(true);
    const members = org.nodes.filter((n) => n.status === "active" && n.team_id !== null).map((n) => n.id);
    expect(org.highlight?.ids).toEqual(members);
    expect(org.highlight?.label).toBe("Team sizes off target");
  });

  it("refuses a finding with no one to show", async () => {
    const { health, org, chartShown } = await setup();
    expect(await health.show("team-without-lead")).toBe(false);
    expect(health.error?.code).toBe("not-found");
    expect(chartShown()).toBe(0);
    expect(org.highlight).toBe(null);
  });

  it("lists a team's members once, in chart order, active only", async () => {
    const { org } = await setup("staffplus");
    const finding = { id: "uncovered-team", severity: "warning", count: 2, people: [], teams: ["web", "pay"], message: "" } as const;
    expect(peopleToShow({ ...finding, teams: [...finding.teams], people: [] }, org.nodes)).toEqual(["s1", "p1", "w1", "w2"]);
  });
});

describe("a highlighted set", () => {
  it("steps with wrapping and says where it is", () => {
    const h = highlightOf("Set", ["a", "b", "a", "c"])!;
    expect(h.ids).toEqual(["a", "b", "c"]);
    expect(positionLabel(h)).toBe("1 of 3");
    expect(currentId(stepHighlight(h, -1))).toBe("c");
    expect(positionLabel(stepHighlight(h, 4))).toBe("2 of 3");
    expect(highlightOf("Empty", [])).toBe(null);
  });

  it("maps ids to node indices, leaving out people no longer here", () => {
    const h = highlightOf("Set", ["a", "gone", "c"]);
    const indices = highlightedIndices(h, new Map([["a", 0], ["b", 1], ["c", 2]]));
    expect([...indices]).toEqual([0, 2]);
    expect(highlightedIndices(null, new Map()).size).toBe(0);
  });
});

describe("the chart's highlight bar", () => {
  it("names the set, says where it is and who that is", async () => {
    const { render } = await import("svelte/server");
    const { default: ChartHighlightBar } = await import("../src/components/ChartHighlightBar.svelte");
    const { health, org } = await setup();
    expect(render(ChartHighlightBar, { props: { store: org } }).body).not.toContain("chart-highlight");
    await health.show("span-narrow");
    await org.stepSet(1);
    const html = render(ChartHighlightBar, { props: { store: org } }).body;
    expect(html).toContain('role="toolbar"');
    expect(html).toContain('aria-label="Highlighted on the chart: Spans below the band"');
    expect(html).toContain('data-count="2"');
    expect(html).toContain('data-current-id="m2"');
    expect(html).toMatch(/data-testid="chart-highlight-position"[^>]*>2 of 2</);
    expect(html).toMatch(/data-testid="chart-highlight-name"[^>]*>Mia Two</);
  });
});

describe("a set after an edit", () => {
  it("passes over people no longer in the org and clears when none is left", async () => {
    const { org } = await setup();
    expect(await org.showSet("Set", ["m1", "gone", "m2"])).toBe(true);
    expect(org.highlight?.ids).toEqual(["m1", "m2"]);
    // As if an edit had removed m2 after the set was shown.
    org.highlight = { label: "Set", ids: ["m1", "gone", "m2"], at: 0 };
    await org.stepSet(1);
    expect(org.selectedId).toBe("m2");
    expect(org.highlight?.at).toBe(2);
    await org.stepSet(1);
    expect(org.selectedId).toBe("m1");
    org.highlight = { label: "Set", ids: ["gone", "lost"], at: 0 };
    await org.stepSet(1);
    expect(org.highlight).toBe(null);
    expect(await org.showSet("Set", ["gone"])).toBe(false);
  });
});

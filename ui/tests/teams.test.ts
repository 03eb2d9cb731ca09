import { describe, expect, it } from "vitest";
import type { TeamRow } from "../src/generated";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { filterTeams, matchTeams, membersOf, sortTeams, TeamsStore } from "../src/lib/teams.svelte";
import { rowWindow } from "../src/lib/virtual";
import { baseTeams, fakePlatform, smallOrg } from "./fixtures";

async function loaded() {
  const backend = fakePlatform();
  const org = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, org);
  await Promise.all([org.load(), scenarios.load()]);
  const teams = new TeamsStore(backend, scenarios, org);
  await teams.refresh();
  backend.calls.length = 0;
  return { backend, org, scenarios, teams };
}

function team(id: string, overrides: Partial<TeamRow> = {}): TeamRow {
  return { ...baseTeams()[0]!, id, name: id, ...overrides };
}

describe("team list logic", () => {
  const list = [
    team("Payments", { kind: "stream-aligned", members: 7, verdict: "within", department: "Money" }),
    team("Infra", { kind: "platform", members: 12, verdict: "above", lead_name: "Zed Zulu" }),
    team("Arch", { kind: "architecture", members: 2, verdict: "below" }),
    team("Apps", { kind: "stream-aligned", members: 2, verdict: "below" }),
  ];

  it("filters by text (name, department, lead), kind and verdict", () => {
    const all = { text: "", kind: "all", verdict: "all" } as const;
    expect(filterTeams(list, { ...all, text: "pay" }).map((t) => t.id)).toEqual(["Payments"]);
    expect(filterTeams(list, { ...all, text: "money" }).map((t) => t.id)).toEqual(["Payments"]);
    expect(filterTeams(list, { ...all, text: "zulu" }).map((t) => t.id)).toEqual(["Infra"]);
    expect(filterTeams(list, { ...all, kind: "stream-aligned" }).map((t) => t.id)).toEqual(["Payments", "Apps"]);
    expect(filterTeams(list, { ...all, verdict: "below" }).map((t) => t.id)).toEqual(["Arch", "Apps"]);
  });

  it("sorts by any column, ties in name order, either way", () => {
    expect(sortTeams(list, { key: "name", descending: false }).map((t) => t.id)).toEqual(["Apps", "Arch", "Infra", "Payments"]);
    expect(sortTeams(list, { key: "members", descending: true }).map((t) => t.id)).toEqual(["Infra", "Payments", "Apps", "Arch"]);
    expect(sortTeams(list, { key: "verdict", descending: false }).map((t) => t.id)).toEqual(["Apps", "Arch", "Payments", "Infra"]);
    expect(list[0]!.id).toBe("Payments");
  });

  it("finds members in the chart nodes and move targets by name", () => {
    expect(membersOf(smallOrg(), "core")).toHaveLength(5);
    expect(membersOf(smallOrg(), "payments")).toEqual([]);
    expect(membersOf(smallOrg(), null)).toEqual([]);
    expect(matchTeams(list, "a", "Apps").map((t) => t.id)).toEqual(["Payments", "Infra", "Arch"]);
    expect(matchTeams(list, "", null, 2)).toHaveLength(2);
  });

  it("renders only the rows in view of a 100k-team list", () => {
    const w = rowWindow(34_000, 340, 34, 100_000, 5);
    expect(w.start).toBe(995);
    expect(w.end).toBe(1015);
    expect(w.offset).toBe(995 * 34);
    expect(w.total).toBe(3_400_000);
    expect(rowWindow(0, 340, 34, 3)).toEqual({ start: 0, end: 3, offset: 0, total: 102 });
    expect(rowWindow(0, 340, 34, 0).end).toBe(0);
  });
});

describe("TeamsStore", () => {
  it("loads the teams with sizes and verdicts", async () => {
    const { teams } = await loaded();
    expect(teams.teams.map((t) => [t.id, t.members, t.verdict])).toEqual([
      ["core", 5, "within"],
      ["payments", 0, "below"],
    ]);
    // 100,000 + 101,000 + … + 104,000, in cents.
    expect(teams.teams[0]!.cost).toBe(51_000_000);
  });

  it("creates, renames, re-kinds and dissolves a team through apply (undoable)", async () => {
    const { backend, teams, scenarios, org } = await loaded();
    expect(await teams.create(" Payments ", "enabling", "Money")).toBe(true);
    expect(backend.calls).toContain("applyEnteredChange:enter-team");
    expect(teams.selected?.name).toBe("Payments");
    expect(teams.selected?.kind).toBe("enabling");
    expect(org.announcement).toBe("Created team Payments.");
    const created = teams.selected!;
    expect(await teams.rename(created, "Payments Core")).toBe(true);
    expect(teams.selected?.name).toBe("Payments Core");
    expect(await teams.setKind(teams.selected!, "platform")).toBe(true);
    expect(teams.selected?.kind).toBe("platform");
    expect(await teams.dissolve(teams.selected!)).toBe(true);
    expect(teams.teams.some((t) => t.id === created.id)).toBe(false);
    expect(teams.selectedId).toBeNull();
    expect(scenarios.canUndo).toBe(true);
    await scenarios.undo();
    await teams.refresh();
    expect(teams.teams.find((t) => t.id === created.id)?.name).toBe("Payments Core");
  });

  it("moves ticked members as one change and counts them in the target", async () => {
    const { backend, teams, scenarios } = await loaded();
    teams.select("core");
    expect(teams.members.map((m) => m.id)).toEqual(["ceo", "ann", "bob", "cat", "dan"]);
    teams.toggleChosen("bob");
    teams.toggleChosen("cat");
    teams.toggleChosen("dan");
    teams.toggleChosen("dan");
    const payments = teams.teams.find((t) => t.id === "payments")!;
    expect(await teams.moveMembers([...teams.chosen], payments)).toBe(true);
    const requests = backend.scenarioData.get("baseline")!.changes;
    expect(requests).toEqual([{ kind: "request", request: { kind: "assign-team", people: ["bob", "cat"], team: "payments" } }]);
    expect(teams.chosen.size).toBe(0);
    expect(teams.members.map((m) => m.id)).toEqual(["ceo", "ann", "dan"]);
    expect(teams.teams.find((t) => t.id === "payments")?.members).toBe(2);
    expect(teams.teams.find((t) => t.id === "core")?.verdict).toBe("below");
    await scenarios.undo();
    await teams.refresh();
    expect(teams.teams.find((t) => t.id === "payments")?.members).toBe(0);
  });

  it("lists members by team id, not by name (a new team's id differs from its name)", async () => {
    const { teams } = await loaded();
    expect(await teams.create("Payments", "platform", "")).toBe(true);
    const created = teams.selected!;
    expect(created.id).toBe("team-payments");
    expect(teams.members).toEqual([]);
    expect(await teams.moveMembers(["bob"], created)).toBe(true);
    expect(teams.members.map((m) => m.id)).toEqual(["bob"]);
    expect(teams.selected?.members).toBe(1);
  });

  it("refuses empty names and empty moves without calling the backend", async () => {
    const { backend, teams } = await loaded();
    expect(await teams.create("   ", "platform", "")).toBe(false);
    expect(teams.error?.code).toBe("invalid-input");
    expect(await teams.moveMembers([], teams.teams[0]!)).toBe(false);
    expect(await teams.rename(teams.teams[0]!, " ")).toBe(false);
    expect(backend.calls.filter((c) => c.startsWith("applyChange"))).toEqual([]);
  });

  it("words a refused edit by code and changes nothing", async () => {
    const { backend, teams, scenarios } = await loaded();
    expect(await teams.create("Core", "platform", "")).toBe(true);
    expect(await teams.create("Core", "platform", "")).toBe(false);
    expect(scenarios.error?.code).toBe("invalid-input");
    expect(scenarios.error?.message).toMatch(/^That change isn't possible/);
    expect(backend.scenarioData.get("baseline")!.changes).toHaveLength(1);
  });

  it("sorts on a column and flips on a second click", async () => {
    const { teams } = await loaded();
    teams.sortBy("members");
    expect(teams.visible.map((t) => t.id)).toEqual(["payments", "core"]);
    teams.sortBy("members");
    expect(teams.visible.map((t) => t.id)).toEqual(["core", "payments"]);
    teams.filter.verdict = "below";
    expect(teams.visible.map((t) => t.id)).toEqual(["payments"]);
  });

  it("steps the selection through the visible rows, clamped at the ends", async () => {
    const { teams } = await loaded();
    expect(teams.step(1)).toBe(0);
    expect(teams.selectedId).toBe("core");
    expect(teams.step(1)).toBe(1);
    expect(teams.selectedId).toBe("payments");
    expect(teams.step(5)).toBe(1);
    expect(teams.step(-10)).toBe(0);
    teams.filter.text = "nothing matches";
    expect(teams.step(1)).toBe(-1);
  });

  it("reports a failed load by code", async () => {
    const { backend, teams, scenarios } = await loaded();
    backend.failNext.set("teams", { code: "storage", message: "disk gone" });
    await scenarios.refresh();
    await teams.refresh();
    expect(teams.error?.code).toBe("storage");
    expect(teams.teams).toHaveLength(2);
  });
});

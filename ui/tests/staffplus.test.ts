import { describe, expect, it } from "vitest";
import {
  boardGroups,
  boardItems,
  cellKind,
  CARD_HEIGHT,
  HEADER_HEIGHT,
  loadRows,
  matrixColumns,
  matrixRows,
  moveTargets,
  NO_FILTER,
  placeRequest,
  supportedTeams,
  supportIndex,
  supportRequest,
  toggleRequest,
  windowByTops,
} from "../src/lib/staffplus";
import { StaffPlusStore } from "../src/lib/staffplus.svelte";
import type { BoardView } from "../src/generated";
import { backendOrg, stateOf, type BackendChange } from "./backendFixtures";
import { loadedStaffPlus } from "./staffplusLoaded";

// The backend's `staffplus` org: teams in the board's order, and three
// staff+ engineers: Sam embedded in Payments (supports Web), Pat central
// in Architecture (supports Payments, Infrastructure, Web: over the max
// load of 2), Una in no team (supports Infrastructure).
const ARCH = 0;
const PAY = 1;
const WEB = 2;
const INFRA = 3;
const SEARCH = 4;
const [SAM, PAT, UNA] = [0, 1, 2] as const;

/** The backend's board as it is after `changes`. */
function boardAfter(changes: BackendChange[]): BoardView {
  return stateOf(backendOrg("staffplus"), changes).staffPlus["as-is"]!;
}

describe("staff+ board logic", () => {
  const board = boardAfter([]);

  it("groups engineers as central (every architecture group), embedded by home team, and unplaced", () => {
    const groups = boardGroups(board);
    expect(groups.central.map((g) => [g.label, g.engineers])).toEqual([["Architecture", [PAT]]]);
    expect(groups.embedded.map((g) => [g.label, g.team, g.engineers])).toEqual([["Payments", PAY, [SAM]]]);
    expect(groups.unplaced.engineers).toEqual([UNA]);
    const { items, tops, height } = boardItems(groups.central);
    expect(items.map((i) => i.kind)).toEqual(["header", "card"]);
    expect(tops).toEqual([0, HEADER_HEIGHT]);
    expect(height).toBe(HEADER_HEIGHT + CARD_HEIGHT);
  });

  it("indexes support so a cell is one lookup: home, assigned or both", () => {
    const index = supportIndex(board);
    expect(cellKind(index, PAY, SAM)).toBe("home");
    expect(cellKind(index, WEB, SAM)).toBe("assigned");
    expect(cellKind(index, ARCH, PAT)).toBeNull();
    expect(cellKind(index, SEARCH, PAT)).toBeNull();
    const both = boardAfter([{ kind: "add-support", person: "s1", team: "pay" }]);
    expect(cellKind(supportIndex(both), PAY, SAM)).toBe("home-assigned");
    expect(supportedTeams(board, SAM)).toEqual(["Payments", "Web"]);
    expect(supportedTeams(board, PAT)).toEqual(["Payments", "Web", "Infrastructure"]);
  });

  it("turns cell toggles, drops and Move to… choices into edit requests", () => {
    const index = supportIndex(board);
    expect(toggleRequest(board, index, SEARCH, SAM)).toEqual({ kind: "add-support", person: "s1", team: "search" });
    expect(toggleRequest(board, index, WEB, SAM)).toEqual({ kind: "remove-support", person: "s1", team: "web" });
    expect(toggleRequest(board, index, PAY, SAM)).toBeNull();
    expect(placeRequest(board, UNA, ARCH)).toEqual({ kind: "edit-person", person: "s3", edit: { field: "team", value: "arch" } });
    expect(placeRequest(board, SAM, null)).toEqual({ kind: "edit-person", person: "s1", edit: { field: "team", value: null } });
    expect(placeRequest(board, PAT, ARCH)).toBeNull();
    expect(supportRequest(board, index, UNA, SEARCH)).toEqual({ kind: "add-support", person: "s3", team: "search" });
    expect(supportRequest(board, index, UNA, INFRA)).toBeNull();
    expect(supportRequest(board, index, UNA, ARCH)).toBeNull();
    expect(moveTargets(board, SAM).map((t) => t.label)).toEqual(["Central: Architecture", "Embed in Web", "No home team (unplaced)"]);
    expect(moveTargets(board, UNA).map((t) => t.team)).toEqual([ARCH, INFRA]);
  });

  it("filters and orders matrix rows and columns", () => {
    expect(matrixRows(board, NO_FILTER)).toEqual([PAY, INFRA, SEARCH, WEB]);
    expect(matrixRows(board, { ...NO_FILTER, uncoveredOnly: true })).toEqual([SEARCH]);
    expect(matrixRows(board, { ...NO_FILTER, teamQuery: "product" })).toEqual([SEARCH, WEB]);
    expect(matrixColumns(board, NO_FILTER)).toEqual([PAT, SAM, UNA]);
    expect(matrixColumns(board, { ...NO_FILTER, overloadedOnly: true })).toEqual([PAT]);
    expect(matrixColumns(board, { ...NO_FILTER, engineerQuery: "una" })).toEqual([UNA]);
    expect(loadRows(board)).toEqual([
      { load: 1, engineers: 1, over: false },
      { load: 2, engineers: 1, over: false },
      { load: 3, engineers: 1, over: true },
    ]);
  });

  it("windows only the board rows in view, at any size", () => {
    const tops = Array.from({ length: 2000 }, (_, i) => i * 100);
    expect(windowByTops(tops, 50_050, 300, 1)).toEqual({ start: 499, end: 505 });
    expect(windowByTops([], 0, 100)).toEqual({ start: 0, end: 0 });
  });
});

describe("StaffPlusStore", () => {
  it("loads the board and places an engineer through an undoable scenario edit", async () => {
    const { backend, scenarios, staff } = await loadedStaffPlus();
    expect(staff.board?.summary.central).toBe(1);
    expect(await staff.place(UNA, ARCH)).toBe(true);
    expect(backend.calls).toContain("applyChange:edit-person");
    expect(staff.board?.summary.central).toBe(2);
    expect(staff.board?.summary.unplaced).toBe(0);
    expect(backend.calls.filter((c) => c === "staffPlusBoard:as-is")).toHaveLength(1);
    expect(scenarios.canUndo).toBe(true);
    await scenarios.undo();
    await staff.sync();
    expect(staff.board?.summary.unplaced).toBe(1);
  });

  it("toggles a matrix cell and the coverage follows", async () => {
    const { staff, org } = await loadedStaffPlus();
    expect(staff.board?.summary.uncovered).toBe(1);
    expect(await staff.toggle(SEARCH, UNA)).toBe(true);
    expect(staff.board?.summary.uncovered).toBe(0);
    expect(org.announcement).toBe("Una Unplaced now supports Search.");
    expect(await staff.toggle(SEARCH, UNA)).toBe(true);
    expect(staff.board?.summary.uncovered).toBe(1);
    expect(await staff.toggle(PAY, SAM)).toBe(false);
  });

  it("previews a what-if without persisting, refuses edits while previewing, and saves it as a scenario", async () => {
    const { backend, scenarios, staff } = await loadedStaffPlus();
    await staff.setWhatIf("all-central");
    expect(staff.previewing).toBe(true);
    expect(staff.board?.what_if).toBe("all-central");
    expect(staff.board?.summary.central).toBe(3);
    expect(staff.board?.summary.uncovered).toBe(1);
    expect(staff.board?.engineers[SAM]?.load).toBe(2);
    expect(await staff.toggle(SEARCH, UNA)).toBe(false);
    expect(backend.calls.some((c) => c.startsWith("applyChange"))).toBe(false);
    expect(scenarios.state?.current.changes).toBe(0);

    expect(await staff.saveAsScenario("  ")).toBe(false);
    expect(staff.error?.code).toBe("invalid-input");
    expect(await staff.saveAsScenario("centralised")).toBe(true);
    expect(scenarios.currentName).toBe("centralised");
    expect(staff.whatIf).toBe("as-is");
    expect(staff.board?.what_if).toBe("as-is");
    expect(staff.board?.summary.central).toBe(3);
    expect(await staff.setWhatIf("all-central").then(() => staff.saveAsScenario("centralised"))).toBe(false);
    expect(staff.error?.code).toBe("already-exists");
  });

  it("reports a board that cannot be loaded by code", async () => {
    const { backend, staff } = await loadedStaffPlus();
    backend.failNext.set("staffPlusBoard:all-embedded", { code: "storage", message: "disk" });
    await staff.setWhatIf("all-embedded");
    expect(staff.error?.code).toBe("storage");
    await staff.load();
    expect(staff.error).toBeNull();
    expect(staff.board?.summary.central).toBe(0);
  });
});

describe("staff+ logic at 100k-people scale", () => {
  it("groups, indexes and filters 15k teams × 2k engineers quickly", () => {
    const teams = Array.from({ length: 15_000 }, (_, i) => ({
      id: `t${i}`,
      name: `Team ${i}`,
      kind: i % 500 === 0 ? ("architecture" as const) : ("stream-aligned" as const),
      department: `Dept ${i % 40}`,
      headcount: 7,
      supporters: i % 3 === 0 ? 0 : 1,
      covered: i % 3 !== 0 && i % 500 !== 0,
    }));
    const engineers = Array.from({ length: 2_000 }, (_, i) => ({
      id: `e${i}`,
      name: `Engineer ${i}`,
      title: "Staff Engineer",
      level: "IC4",
      placement: i % 4 === 0 ? ("central" as const) : ("embedded" as const),
      home: i % 4 === 0 ? 0 : (i * 7) % 15_000 || 1,
      assigned: [(i * 13) % 15_000, (i * 17) % 15_000].sort((a, b) => a - b),
      load: 3,
      overloaded: false,
    }));
    const board = {
      ...boardAfter([]),
      teams,
      engineers,
    };
    const started = performance.now();
    const groups = boardGroups(board);
    const index = supportIndex(board);
    const rows = matrixRows(board, { ...NO_FILTER, uncoveredOnly: true, teamQuery: "dept 1" });
    const columns = matrixColumns(board, NO_FILTER);
    const elapsed = performance.now() - started;
    expect(groups.central.length).toBe(30);
    expect(columns).toHaveLength(2_000);
    expect(rows.every((t) => !board.teams[t]!.covered)).toBe(true);
    expect(cellKind(index, (13 * 5) % 15_000, 5)).toBe("assigned");
    // Linear work: well under a second even on a busy CI machine.
    expect(elapsed).toBeLessThan(1_000);
  });
});

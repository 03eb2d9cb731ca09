import { describe, expect, it } from "vitest";
import { detailLine, distinguish, matchScore, moreResultsNote, searchPeople, searchWithTotal } from "../src/lib/search";
import { smallOrg } from "./fixtures";

describe("search", () => {
  const people = smallOrg();

  it("prefers an exact id, then names", () => {
    expect(searchPeople(people, "bob")[0]?.id).toBe("bob");
    expect(searchPeople(people, "Ann Archer")[0]?.id).toBe("ann");
    expect(searchPeople(people, "coo")[0]?.id).toBe("cat");
  });

  it("ignores case and accents", () => {
    const zoe = { id: "z1", name: "Zoë Åberg", title: "Designer" };
    expect(matchScore(zoe, "zoe")).toBeGreaterThan(0);
    expect(matchScore(zoe, "ABERG")).toBeGreaterThan(0);
  });

  it("matches titles last and returns nothing for blanks", () => {
    expect(searchPeople(people, "manager").map((p) => p.id)).toEqual(["ann", "ceo"]);
    expect(searchPeople(people, "  ")).toEqual([]);
    expect(searchPeople(people, "zzz")).toEqual([]);
  });

  it("limits results", () => {
    expect(searchPeople(people, "a", 2)).toHaveLength(2);
  });
});

describe("telling people apart", () => {
  const alex = (id: string, title: string, team: string | null) => ({ id, name: "Alex Chen", title, team });

  it("shows title and team, and the manager only for a shared name", () => {
    const people = [alex("a1", "Engineer", "Payments"), alex("a2", "Engineer", "Search"), { id: "b", name: "Bo Li", title: "Designer", team: null }];
    const managers: Record<string, string> = { a1: "Mia Park", a2: "Sam Lee", b: "Mia Park" };
    const lines = distinguish(people, (p) => managers[p.id] ?? null).map(detailLine);
    expect(lines).toEqual(["Engineer · Payments · reports to Mia Park", "Engineer · Search · reports to Sam Lee", "Designer"]);
  });

  it("adds the id when title, team and manager are all alike", () => {
    const people = [alex("a1", "Engineer", "Payments"), alex("a2", "Engineer", "Payments")];
    const lines = distinguish(people, () => "Mia Park").map(detailLine);
    expect(lines).toEqual(["Engineer · Payments · reports to Mia Park · a1", "Engineer · Payments · reports to Mia Park · a2"]);
  });

  it("says when more people match than are shown", () => {
    const many = Array.from({ length: 20 }, (_, i) => alex(`a${i}`, "Engineer", null));
    const found = searchWithTotal(many, "alex", 8);
    expect(found.shown).toHaveLength(8);
    expect(found.total).toBe(20);
    expect(moreResultsNote(found)).toBe("Showing 8 of 20 matches: type more of the name to narrow them.");
    expect(moreResultsNote(searchWithTotal(many.slice(0, 3), "alex", 8))).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { matchScore, searchPeople } from "../src/lib/search";
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

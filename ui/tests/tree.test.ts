import { describe, expect, it } from "vitest";
import { buildTree, isAncestor, wouldCreateCycle } from "../src/lib/tree";
import { smallOrg } from "./fixtures";

describe("tree helpers", () => {
  const nodes = smallOrg();

  it("indexes children and roots", () => {
    const tree = buildTree(nodes);
    expect(tree.roots).toEqual([0]);
    expect(tree.children[0]).toEqual([1, 4]);
    expect(tree.children[1]).toEqual([2, 3]);
    expect(tree.byId.get("cat")).toBe(3);
  });

  it("detects ancestry and would-be cycles", () => {
    expect(isAncestor(nodes, 0, 3)).toBe(true);
    expect(isAncestor(nodes, 4, 3)).toBe(false);
    expect(wouldCreateCycle(nodes, 1, 2)).toBe(true); // ann under bob
    expect(wouldCreateCycle(nodes, 2, 4)).toBe(false); // bob under dan
  });
});

describe("depths and default collapsing", () => {
  it("computes depths from the roots", async () => {
    const { depths } = await import("../src/lib/tree");
    expect(depths(smallOrg())).toEqual([0, 1, 2, 2, 1]);
  });

  it("collapses managers on the last shown layer", async () => {
    const { idsToCollapse } = await import("../src/lib/store.svelte");
    expect(idsToCollapse(smallOrg(), 2)).toEqual(["ann"]);
    expect(idsToCollapse(smallOrg(), 1)).toEqual(["ceo"]);
    expect(idsToCollapse(smallOrg(), 3)).toEqual([]);
  });
});

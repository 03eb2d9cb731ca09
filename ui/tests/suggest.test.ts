// The suggestion panels' stores and previews on the backend's answers:
// Suggest placement on the `staffplus` org, Suggest rebalancing on the
// `spans` org (src/ui_fixtures/suggestions.rs wrote both).

import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import SpanSuggestion from "../src/components/dashboard/SpanSuggestion.svelte";
import SuggestPlacement from "../src/components/staffplus/SuggestPlacement.svelte";
import type { PlacementOptions, PlacementSuggestion, SpanOptions, SpanSuggestion as SpanAnswer } from "../src/generated";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import {
  bandLine,
  compareSelection,
  DEFAULT_PLACEMENT_OPTIONS,
  DEFAULT_SPAN_OPTIONS,
  freeName,
  lowerBoundLine,
  placementFigures,
  spanFigures,
  splitPlacementChanges,
} from "../src/lib/suggestions";
import { placementSuggestions, spanSuggestions } from "../src/lib/suggestions.svelte";
import { backendOrg, stateOf, type BackendChange, type BackendOrgName } from "./backendFixtures";
import { sameJson, type SuggestionAnswers } from "./fake/suggest";
import { fakeBackend } from "./fixtures";

/** What the backend suggested for `org` after `changes`. */
function written(org: BackendOrgName, changes: BackendChange[] = []): SuggestionAnswers {
  const state = stateOf(backendOrg(org), changes) as ReturnType<typeof stateOf> & { suggestions?: SuggestionAnswers };
  if (!state.suggestions) throw new Error(`no suggestions written for ${org}`);
  return state.suggestions;
}

function placementFor(options: PlacementOptions, changes: BackendChange[] = []): PlacementSuggestion {
  return written("staffplus", changes).placement.find((a) => sameJson(a.options, options))!.answer;
}

function spansFor(options: SpanOptions, changes: BackendChange[] = []): SpanAnswer {
  return written("spans", changes).spans.find((a) => sameJson(a.options, options))!.answer;
}

async function loaded(org: BackendOrgName) {
  const backend = fakeBackend(org);
  const store = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, store);
  await Promise.all([store.load(), scenarios.load()]);
  let compares = 0;
  const showCompare = () => void compares++;
  backend.calls.length = 0;
  return { backend, store, scenarios, showCompare, compared: () => compares };
}

describe("suggestion previews", () => {
  it("lays out the placement's coverage before → after, its replacements apart", () => {
    const s = placementFor(DEFAULT_PLACEMENT_OPTIONS);
    const rows = placementFigures(s);
    expect(rows.map((r) => r.key)).toEqual(["covered-teams", "people-covered", "overloaded"]);
    expect(rows[0]!.before).toBe(`${s.before.covered_teams} / ${s.before.teams}`);
    expect(rows[0]!.after).toBe(`${s.after.covered_teams} / ${s.after.teams}`);
    expect(rows[0]!.trend).toBe(s.after.covered_teams > s.before.covered_teams ? "better" : "same");
    const split = splitPlacementChanges(s);
    expect(split.assignments.length + split.replacements.length).toBe(s.changes.length);
    expect(split.replacements.every((c) => c.change.kind === "edit-person")).toBe(true);
  });

  it("lays out the rebalancing against its lower bound", () => {
    const s = spansFor(DEFAULT_SPAN_OPTIONS);
    const out = spanFigures(s)[0]!;
    expect(out.before).toBe(`${s.before.wide + s.before.narrow} / ${s.before.managers}`);
    expect(out.after).toBe(`${s.after.wide + s.after.narrow} / ${s.after.managers}`);
    expect(out.trend).toBe("better");
    expect(lowerBoundLine(s)).toMatch(new RegExp(`fewer than ${s.lower_bound} manager`));
    expect(bandLine(s)).toBe(`Band ${s.band[0]}–${s.band[1]}`);
    // No open req: no "reqs filled" column.
    expect(s.open_reqs).toBe(0);
    expect(spanFigures(s).every((r) => r.filled === null)).toBe(true);
    // With one, the column shows the figures once it is filled.
    const split = { ...s, open_reqs: 1, after_filled: { managers: s.after.managers + 1, wide: 0, narrow: 0 } };
    expect(spanFigures(split)[0]!.filled).toBe(`0 / ${s.after.managers + 1}`);
    expect(lowerBoundLine(split)).toMatch(/this one leaves 0\.$/);
  });

  it("offers a free name and compares with the scenario it started from", () => {
    expect(freeName("Suggested placement", ["baseline"])).toBe("Suggested placement");
    expect(freeName("Suggested placement", ["Suggested placement", "Suggested placement 2"])).toBe("Suggested placement 3");
    expect(compareSelection("baseline", "new", "baseline")).toEqual(["new"]);
    expect(compareSelection("plan-a", "new", "baseline")).toEqual(["plan-a", "new"]);
  });
});

describe("Suggest placement", () => {
  it("shows the backend's preview for the default options under a free name", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("staffplus");
    const suggest = placementSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    expect(backend.calls).toEqual(["suggestPlacement"]);
    expect(suggest.suggestion).toEqual(placementFor(DEFAULT_PLACEMENT_OPTIONS));
    expect(suggest.name).toBe("Suggested placement");
    expect(suggest.error).toBeNull();
  });

  it("asks again when an option changes", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("staffplus");
    const suggest = placementSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    await suggest.setOptions({ scope: "org" });
    expect(backend.calls).toEqual(["suggestPlacement", "suggestPlacement"]);
    expect(suggest.options).toEqual({ ...DEFAULT_PLACEMENT_OPTIONS, scope: "org" });
    expect(suggest.suggestion).toEqual(placementFor({ ...DEFAULT_PLACEMENT_OPTIONS, scope: "org" }));
    await suggest.setOptions({ scope: "department", allow_replace: true });
    expect(suggest.suggestion).toEqual(placementFor({ ...DEFAULT_PLACEMENT_OPTIONS, allow_replace: true }));
  });

  it("shows a refusal as its code and message, and no stale preview", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("staffplus");
    const suggest = placementSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    backend.failNext.set("suggestPlacement", { code: "invalid-input", message: "no such person: zed" });
    await suggest.setOptions({ keep: ["zed"] });
    expect(suggest.error).toEqual({ code: "invalid-input", message: "The placement could not be suggested: no such person: zed" });
    expect(suggest.suggestion).toBeNull();
  });

  it("saves the preview as a scenario, shows it and opens Compare beside the baseline", async () => {
    const { backend, scenarios, store, showCompare, compared } = await loaded("staffplus");
    const suggest = placementSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    const previewed = suggest.suggestion!;
    expect(previewed.changes.length).toBeGreaterThan(0);
    expect(await suggest.save()).toBe(true);
    expect(backend.calls).toContain("saveSuggestion:Suggested placement:placement");
    expect(scenarios.currentName).toBe("Suggested placement");
    expect(scenarios.current?.changes).toBe(previewed.changes.length);
    expect(suggest.saved).toEqual({ name: "Suggested placement", from: "baseline" });
    expect(store.metrics?.coverage.covered).toBe(previewed.after.covered_teams);
    expect(store.announcement).toBe("Saved the suggested placement as scenario Suggested placement, now on show.");
    // Nothing asks again once saved: the outcome stays on show.
    await suggest.sync();
    expect(backend.calls.filter((c) => c === "suggestPlacement")).toHaveLength(1);
    await suggest.compare();
    expect(scenarios.compareNames).toEqual(["Suggested placement"]);
    expect(scenarios.comparison?.scenarios).toEqual(["baseline", "Suggested placement"]);
    expect(compared()).toBe(1);
  });

  it("refuses a taken name, naming it, and stays on the scenario it started from", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("staffplus");
    await scenarios.create("taken");
    await scenarios.switchTo("baseline");
    const suggest = placementSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    expect(await suggest.save("taken")).toBe(false);
    expect(suggest.error).toEqual({ code: "already-exists", message: "There is already a scenario called “taken”. Choose another name." });
    expect(scenarios.currentName).toBe("baseline");
    expect(suggest.saved).toBeNull();
  });

  it("says there is nothing to improve once the suggestion is saved", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("staffplus");
    const suggest = placementSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    await suggest.save();
    await suggest.start();
    expect(suggest.empty).toBe(true);
    expect(await suggest.save("again")).toBe(false);
    const board = await backend.staffPlusBoard("as-is");
    const html = render(SuggestPlacement, { props: { suggest, board, nameOf: (id: string) => id, onclose: () => {} } }).body;
    expect(html).toContain('data-testid="suggest-empty"');
    expect(html).toContain("Nothing to improve");
    expect(html).not.toContain('data-testid="suggest-preview"');
  });
});

describe("Suggest rebalancing", () => {
  it("shows the preview with the lower bound, people moved and the changes' reasons", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("spans");
    const suggest = spanSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    const s = suggest.suggestion!;
    expect(s).toEqual(spansFor(DEFAULT_SPAN_OPTIONS));
    expect(suggest.name).toBe("Suggested rebalancing");
    const html = render(SpanSuggestion, {
      props: { suggest, policyBand: { min: 5, max: 8 }, nameOf: (id: string) => id, onclose: () => {} },
    }).body;
    expect(html).toContain('data-testid="suggest-preview"');
    expect(html).toContain(`data-bound="${s.lower_bound}"`);
    expect(html).toContain(lowerBoundLine(s));
    for (const c of s.changes) expect(html).toContain(c.reason);
  });

  it("asks again when an option changes", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("spans");
    const suggest = spanSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    await suggest.setOptions({ max_moves: 1 });
    expect(suggest.suggestion).toEqual(spansFor({ ...DEFAULT_SPAN_OPTIONS, max_moves: 1 }));
    expect(suggest.suggestion!.moved).toBeLessThanOrEqual(1);
    await suggest.setOptions({ max_moves: null, move_across_teams: true });
    expect(suggest.suggestion).toEqual(spansFor({ ...DEFAULT_SPAN_OPTIONS, move_across_teams: true }));
    expect(backend.calls.filter((c) => c === "suggestSpans")).toHaveLength(3);
  });

  it("saves the rebalancing as a scenario and shows it", async () => {
    const { backend, scenarios, store, showCompare, compared } = await loaded("spans");
    const suggest = spanSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    const previewed = suggest.suggestion!;
    expect(previewed.changes.length).toBeGreaterThan(0);
    expect(await suggest.save("Rebalanced")).toBe(true);
    expect(scenarios.currentName).toBe("Rebalanced");
    expect(store.metrics?.band.wide).toBe(previewed.after.wide);
    expect(store.metrics?.band.narrow).toBe(previewed.after.narrow);
    await suggest.compare();
    expect(scenarios.compareNames).toEqual(["Rebalanced"]);
    expect(compared()).toBe(1);
  });

  it("says there is nothing to improve once the rebalancing is saved", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("spans");
    const suggest = spanSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    await suggest.save();
    await suggest.start();
    expect(suggest.empty).toBe(true);
    const html = render(SpanSuggestion, {
      props: { suggest, policyBand: { min: 5, max: 8 }, nameOf: (id: string) => id, onclose: () => {} },
    }).body;
    expect(html).toContain("Nothing to improve");
    expect(html).toContain(lowerBoundLine(suggest.suggestion!));
  });

  it("shows a refusal to save as its code and message", async () => {
    const { backend, scenarios, store, showCompare } = await loaded("spans");
    const suggest = spanSuggestions(backend, scenarios, store, showCompare);
    await suggest.start();
    backend.failNext.set("saveSuggestion:Suggested rebalancing:spans", { code: "busy", message: "the workspace is busy" });
    expect(await suggest.save()).toBe(false);
    expect(suggest.error).toEqual({ code: "busy", message: "The rebalancing could not be saved as a scenario: the workspace is busy" });
    expect(scenarios.currentName).toBe("baseline");
  });
});

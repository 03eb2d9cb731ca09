// "Every staff+ central" with and without "Keep supporting their current
// team": the switch, both outcomes, and what "Save as scenario" stores.

import { describe, expect, it } from "vitest";
import { homeSupportLine, homeSupportOutcomes, whatIfChoice, whatIfFor, whatIfLabel } from "../src/lib/staffplus";
import { fakeBackend } from "./fixtures";
import { loadedStaffPlus } from "./staffplusLoaded";

// The backend's `staffplus` org: Sam (the first engineer) is embedded in
// Payments and also supports Web.
const SAM = 0;

describe("keep supporting their current team", () => {
  it("maps the switch and the checkbox to the what-if asked for, and back", () => {
    expect(whatIfFor("all-central", true)).toBe("all-central");
    expect(whatIfFor("all-central", false)).toBe("all-central-drop-home-support");
    expect(whatIfFor("all-embedded", false)).toBe("all-embedded");
    expect(whatIfFor("as-is", false)).toBe("as-is");
    expect(whatIfChoice("all-central-drop-home-support")).toBe("all-central");
    expect(whatIfChoice("all-embedded")).toBe("all-embedded");
    expect(whatIfLabel("all-central-drop-home-support")).toBe("Every staff+ central, leaving their team");
  });

  it("lists both outcomes, kept first, marking the one on show", async () => {
    const backend = fakeBackend("staffplus");
    const kept = await backend.staffPlusBoard("all-central");
    const outcomes = homeSupportOutcomes(kept);
    expect(outcomes.map((o) => [o.label, o.chosen])).toEqual([
      ["Keeping their teams", true],
      ["Dropping them", false],
    ]);
    expect(outcomes[0]?.summary).toEqual(kept.summary);
    const dropped = await backend.staffPlusBoard("all-central-drop-home-support");
    expect(homeSupportOutcomes(dropped).map((o) => o.chosen)).toEqual([false, true]);
    expect(homeSupportOutcomes(dropped)[1]?.summary).toEqual(dropped.summary);
    expect(homeSupportLine(outcomes)).toMatch(/^keeping their teams: \d+ % covered · dropping them: \d+ %$/);
    expect(homeSupportOutcomes(await backend.staffPlusBoard("as-is"))).toEqual([]);
    expect(homeSupportOutcomes(await backend.staffPlusBoard("all-embedded"))).toEqual([]);
  });

  it("is on by default; unticking switches the preview and what is saved", async () => {
    const { backend, staff, scenarios } = await loadedStaffPlus();
    const asIsRatio = staff.board?.summary.coverage_ratio;
    expect(staff.keepHomeSupport).toBe(true);
    await staff.setWhatIf("all-central");
    expect(staff.whatIf).toBe("all-central");
    expect(staff.board?.engineers[SAM]?.load).toBe(2);
    const keptRatio = staff.board?.summary.coverage_ratio;
    expect(keptRatio).toBe(asIsRatio);

    await staff.setKeepHomeSupport(false);
    expect(staff.whatIf).toBe("all-central-drop-home-support");
    expect(backend.calls).toContain("staffPlusBoard:all-central-drop-home-support");
    expect(staff.board?.engineers[SAM]?.load).toBe(1);
    const previewed = staff.board?.summary;
    // Pat also supports Payments here, so only loads change, not coverage.
    expect(previewed?.coverage_ratio).toBeLessThanOrEqual(keptRatio ?? 0);

    expect(await staff.saveAsScenario("left")).toBe(true);
    expect(backend.calls).toContain("saveWhatIf:left:all-central-drop-home-support");
    expect(scenarios.currentName).toBe("left");
    expect(staff.board?.summary).toEqual(previewed);
  });

  it("remembers the choice: the next all-central preview asks for the same", async () => {
    const { staff } = await loadedStaffPlus();
    await staff.setKeepHomeSupport(false);
    expect(staff.whatIf).toBe("as-is");
    await staff.setWhatIf("all-central");
    expect(staff.whatIf).toBe("all-central-drop-home-support");
    await staff.setWhatIf("all-embedded");
    await staff.setKeepHomeSupport(true);
    expect(staff.whatIf).toBe("all-embedded");
    await staff.setWhatIf("all-central");
    expect(staff.whatIf).toBe("all-central");
    expect(staff.board?.home_support?.kept).toEqual(staff.board?.summary);
  });
});

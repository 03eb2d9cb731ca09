import { describe, expect, it } from "vitest";
import {
  bandRows,
  displayName,
  formatBand,
  formatDecimal,
  formatPercent,
  formatRatio,
  metricRows,
  spanRows,
  verdictLabel,
} from "../src/lib/format";
import { backendOrg, stateOf } from "./backendFixtures";

describe("formatting", () => {
  it("formats ratios, percentages and decimals", () => {
    expect(formatRatio(4.5)).toBe("1 : 4.5");
    expect(formatRatio(4)).toBe("1 : 4");
    expect(formatRatio(null)).toBe("—");
    expect(formatPercent(0.756)).toBe("76%");
    expect(formatPercent(null)).toBe("—");
    expect(formatDecimal(2.25, 1)).toBe("2.3");
    expect(formatDecimal(Number.NaN)).toBe("—");
    expect(formatBand(5, 8)).toBe("5–8");
    expect(formatBand(6, 6)).toBe("6");
  });

  it("labels verdicts", () => {
    expect(verdictLabel("narrow")).toBe("Narrow span");
    expect(verdictLabel("in_band")).toBe("In band");
    expect(verdictLabel(null)).toBe("");
  });

  it("builds the panel rows with stable test ids", () => {
    // The backend's metrics of the `dashboard` org, with more people.
    const m = { ...stateOf(backendOrg("dashboard"), []).metrics, people: 1234 };
    const rows = Object.fromEntries(metricRows(m).map((r) => [r.testid, r.value]));
    expect(rows).toMatchObject({
      "metric-people": "1,234",
      "metric-managers": "3",
      "metric-layers": "3",
      "metric-ratio": "1 : 4",
      "metric-coverage": "100%",
    });
    const spans = Object.fromEntries(spanRows(m).map((r) => [r.testid, r.value]));
    expect(spans["metric-span-median"]).toBe("3");
    expect(spans["metric-span-mean"]).toBe("4.7");
    const bands = Object.fromEntries(bandRows(m).map((r) => [r.testid, r.value]));
    expect(bands).toMatchObject({ "metric-narrow": "2", "metric-wide": "1", "metric-in-band": "0" });
  });
});

describe("displayName", () => {
  it("falls back to the title, then the id, for open reqs", () => {
    expect(displayName({ name: "Ann", title: "Engineer", id: "e1" })).toBe("Ann");
    expect(displayName({ name: "", title: "Open req: Engineer", id: "e2" })).toBe("Open req: Engineer");
    expect(displayName({ name: " ", title: "", id: "e3" })).toBe("e3");
  });
});

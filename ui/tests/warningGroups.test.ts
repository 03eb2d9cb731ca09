import { describe, expect, it } from "vitest";
import type { Finding, FindingGroup } from "../src/generated";
import { describeGroupRow, describeWarningGroups, groupRows } from "../src/lib/warningGroups";

function finding(row: number | null, column: string | null, message = "manager 'M9' is not in the file"): Finding {
  return { severity: "warning", code: "manager-not-found", message, location: { file: "/home/hr/exports/people.csv", row, column } };
}

function group(count: number, code = "manager-not-found"): FindingGroup {
  const findings = Array.from({ length: count }, (_, i) => finding(i + 2, "Reports To"));
  const summary = `${count} managers not in the file`;
  return { code, severity: "warning", summary, headline: `${summary}, ${count * 3} people affected`, count, people: count * 3, findings };
}

describe("grouped import warnings", () => {
  it("name a row by its line and column, never the file's path", () => {
    expect(describeGroupRow(finding(12, "Reports To"))).toBe("row 12, column Reports To: manager 'M9' is not in the file");
    expect(describeGroupRow(finding(3, null, "x"))).toBe("row 3: x");
    expect(describeGroupRow(finding(null, null, "read as Windows-1252"))).toBe("read as Windows-1252");
    expect(describeGroupRow(finding(12, "Reports To"))).not.toContain("/home/hr");
  });

  it("list a group's first rows and count the rest", () => {
    const big = group(140);
    const rows = groupRows(big);
    expect(rows.shown).toHaveLength(50);
    expect(rows.shown[0]?.location.row).toBe(2);
    expect(rows.more).toBe(90);
    expect(groupRows(group(3)).more).toBe(0);
    expect(groupRows(big, 10).shown).toHaveLength(10);
  });

  it("sum up every group in the panel's heading", () => {
    expect(describeWarningGroups([group(34), group(2, "self-manager")])).toBe("36 data warnings of 2 kinds");
    expect(describeWarningGroups([group(1)])).toBe("1 data warning");
    expect(describeWarningGroups([group(140)])).toBe("140 data warnings");
  });
});

// The import warnings of the metrics panel, grouped by kind in the core
// (`FindingGroup`: "34 managers not in the file, 373 people affected");
// here only how a group's rows read once it is expanded.

import type { Finding, FindingGroup } from "../generated";

/** Rows shown when a group is expanded; the rest are counted. */
export const GROUP_ROWS = 50;

/** "row 12, column Reports To: manager 'M9' is not in the file …" (no file path: the panel is about one import). */
export function describeGroupRow(finding: Finding): string {
  const { row, column } = finding.location;
  const where: string[] = [];
  if (row !== null) where.push(`row ${row}`);
  if (column !== null) where.push(`column ${column}`);
  return where.length === 0 ? finding.message : `${where.join(", ")}: ${finding.message}`;
}

/** The rows an expanded group lists, and how many more it holds. */
export function groupRows(group: FindingGroup, limit = GROUP_ROWS): { shown: Finding[]; more: number } {
  return { shown: group.findings.slice(0, limit), more: Math.max(0, group.findings.length - limit) };
}

/** "3 kinds of data warning (140 in all)". */
export function describeWarningGroups(groups: readonly FindingGroup[]): string {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const kinds = groups.length === 1 ? "1 kind" : `${groups.length} kinds`;
  const all = total === 1 ? "1 data warning" : `${total} data warnings`;
  return groups.length === 1 ? all : `${all} of ${kinds}`;
}

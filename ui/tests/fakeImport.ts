// The fake backend's import wizard: the columns of its HRIS file and what
// detect_import says about them.

import type { ImportDetectionDto, ImportRequest } from "../src/generated";

/** The columns of the fake HRIS file and the fields they are detected as. */
export const FAKE_COLUMNS: ReadonlyArray<[string, string | null]> = [
  ["Employee #", "id"],
  ["Full Name", "name"],
  ["Reports To", "manager_id"],
  ["Job Title", "title"],
  ["Notes", null],
];

/** What detect_import says about a fake file; workbooks (.xlsx) have two sheets. */
export function fakeDetection(request: ImportRequest): ImportDetectionDto {
  const workbook = request.path.endsWith(".xlsx");
  const overrides = new Map(request.overrides.map((o) => [o.column, o.field]));
  return {
    path: request.path,
    format: workbook ? "spreadsheet" : "csv",
    encoding: workbook ? null : "UTF-8",
    delimiter: workbook ? null : ",",
    sheet: workbook ? (request.sheet ?? "People") : null,
    sheets: workbook ? ["People", "Leavers"] : [],
    columns: FAKE_COLUMNS.map(([header, field], index) => {
      const chosen = overrides.get(header);
      return {
        index,
        header,
        field: chosen === undefined ? field : chosen === "ignore" ? null : chosen,
        overridden: chosen !== undefined,
      };
    }),
    managerRef: request.managerRef ?? "last-first",
    managerRefs: ["id", "employee-number", "email", "name", "last-first", "org-and-name"],
    fields: ["id", "manager_id", "name", "title", "team"],
    rows: 4,
    preview: [["1", "Ada Lovelace", "", "CEO", ""]],
    choices: [
      { field: "id", header: "Employee #", reason: "its header" },
      { field: "manager_id", header: "Reports To", reason: "100% of references match people by name" },
    ],
    managerRefReason: "all references look like \"Last, First\"",
    findings: [],
  };
}

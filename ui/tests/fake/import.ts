// The fake backend's import wizard (the columns of its HRIS file and what
// detect_import says about them), its import, and its export.

import type { ImportRequest, ImportReview, ManagerRef } from "../../src/generated";
import type { FakeBackend, FakeContext } from "./context";

/** The columns of the fake HRIS file and the fields they are detected as. */
export const FAKE_COLUMNS: ReadonlyArray<[string, string | null]> = [
  ["Employee #", "id"],
  ["Full Name", "name"],
  ["Reports To", "manager_id"],
  ["Job Title", "title"],
  ["Notes", null],
];

/** What detect_import says about a fake file; workbooks (.xlsx) have two sheets. */
export function fakeDetection(request: ImportRequest): ImportReview {
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
    manager_ref: managerRefOf(request.manager_ref),
    manager_refs: [...MANAGER_REFS],
    fields: ["id", "manager_id", "name", "title", "team"],
    rows: 4,
    preview: [["1", "Ada Lovelace", "", "CEO", ""]],
    choices: [
      { field: "id", header: "Employee #", reason: "its header" },
      { field: "manager_id", header: "Reports To", reason: "100% of references match people by name" },
    ],
    manager_ref_reason: "all references look like \"Last, First\"",
    findings: [],
  };
}

/** The kind a request names, or the fake file's detected one. */
function managerRefOf(requested: string | null): ManagerRef {
  return MANAGER_REFS.find((k) => k === requested) ?? "last-first";
}

const MANAGER_REFS: readonly ManagerRef[] = ["id", "employee-number", "email", "name", "last-first", "org-and-name"];

type ImportExportCommands = Pick<FakeBackend, "chooseImportFile" | "detectImport" | "importPeople" | "chooseSavePath" | "exportFile">;

/** Choosing and importing a file, and exporting one. */
export function importExportCommands(ctx: FakeContext): ImportExportCommands {
  return {
    async chooseImportFile() {
      ctx.maybeFail("chooseImportFile");
      return ctx.backend.openPath;
    },
    async detectImport(request) {
      ctx.maybeFail("detectImport");
      ctx.backend.detections.push(request);
      return fakeDetection(request);
    },
    async importPeople(request, onProgress) {
      ctx.maybeFail("importPeople");
      ctx.backend.imports.push(request);
      for (const p of ctx.backend.importProgress) onProgress(p);
      return ctx.backend.importResult;
    },
    async chooseSavePath(defaultPath, filterName, extension) {
      ctx.maybeFail("chooseSavePath");
      ctx.backend.calls.push(`chooseSavePath:${defaultPath}:${filterName}:${extension}`);
      return ctx.backend.savePath;
    },
    async exportFile(request) {
      ctx.maybeFail("exportFile");
      ctx.backend.exports.push(request);
      return {
        path: request.path,
        format: request.format,
        scenario: request.scenario,
        bytes: 2048,
        pages: request.format === "pdf" ? 2 : null,
      };
    },
  };
}

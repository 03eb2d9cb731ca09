import { describe, expect, it } from "vitest";
import type { Finding, ImportSummary } from "../src/generated";
import { AppError, toAppError } from "../src/lib/errors";
import {
  buildImportRequest,
  choiceOf,
  costColumns,
  delimiterLabel,
  describeChoice,
  describeReadFindings,
  negativeCostColumns,
  describeImportError,
  describeImportResult,
  describeLocation,
  fieldLabel,
  ImportWizardState,
  managerLabel,
  progressPercent,
  reportOf,
  secondaryId,
  stageLabel,
  type ImportChoices,
} from "../src/lib/import.svelte";
import { fakePlatform } from "./fixtures";

function choices(overrides: Partial<ImportChoices> = {}): ImportChoices {
  return { path: "/home/hr/people.csv", sheet: null, overrides: {}, managerRef: null, signed: [], ...overrides };
}

function finding(severity: "error" | "warning", row: number | null, column: string | null, code = "manager-cycle"): Finding {
  return { severity, code, message: `${code} here`, location: { file: "/home/hr/people.csv", row, column } };
}

function wizard() {
  const backend = fakePlatform();
  const imported: ImportSummary[] = [];
  const state = new ImportWizardState(backend, (result) => {
    imported.push(result);
  });
  return { backend, state, imported };
}

describe("import requests", () => {
  it("carry the path, the sheet, the manager kind and every override", () => {
    const built = buildImportRequest(
      choices({
        path: "  /home/hr/people.xlsx ",
        sheet: "People",
        overrides: { "Reports To": "manager_id", Notes: "ignore" },
        managerRef: "last-first",
      }),
    );
    expect(built).toEqual({
      request: {
        path: "/home/hr/people.xlsx",
        sheet: "People",
        overrides: [
          { column: "Reports To", field: "manager_id" },
          { column: "Notes", field: "ignore" },
        ],
        manager_ref: "last-first",
        signed: [],
      },
    });
  });

  it("leave detection to the core when nothing was chosen", () => {
    expect(buildImportRequest(choices())).toEqual({
      request: { path: "/home/hr/people.csv", sheet: null, overrides: [], manager_ref: null, signed: [] },
    });
    expect(buildImportRequest(choices({ path: "C:\\hr\\people.csv" }))).toHaveProperty("request");
  });

  it("refuse an empty or relative path", () => {
    expect(buildImportRequest(choices({ path: "  " }))).toEqual({ problem: "Choose the file to import." });
    expect(buildImportRequest(choices({ path: "people.csv" }))).toHaveProperty("problem");
  });
});

describe("the wizard's steps", () => {
  it("goes from the file to the review with what was detected", async () => {
    const { backend, state } = wizard();
    expect(state.step).toBe("choose");
    state.setPath("/home/hr/people.csv");
    expect(await state.review()).toBe(true);
    expect(state.step).toBe("review");
    expect(state.detection?.manager_ref).toBe("last-first");
    expect(state.detection?.columns.find((c) => c.header === "Reports To")?.field).toBe("manager_id");
    expect(backend.detections).toEqual([{ path: "/home/hr/people.csv", sheet: null, overrides: [], manager_ref: null, signed: [] }]);
  });

  it("stays on the file step when the path is bad or the file cannot be read", async () => {
    const { backend, state } = wizard();
    state.setPath("people.csv");
    expect(await state.review()).toBe(false);
    expect(state.step).toBe("choose");
    expect(state.status).toMatchObject({ kind: "failed", code: null });
    expect(backend.detections).toEqual([]);

    state.setPath("/nowhere/people.csv");
    backend.failNext.set("detectImport", { code: "io", message: "/nowhere/people.csv: no such file" });
    expect(await state.review()).toBe(false);
    expect(state.step).toBe("choose");
    expect(state.status).toMatchObject({ kind: "failed", code: "io" });
  });

  it("re-detects with the overrides when a column's field changes", async () => {
    const { backend, state } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    expect(await state.setField("Notes", "team")).toBe(true);
    expect(await state.setField("Job Title", "ignore")).toBe(true);
    expect(backend.detections.at(-1)?.overrides).toEqual([
      { column: "Notes", field: "team" },
      { column: "Job Title", field: "ignore" },
    ]);
    const title = state.detection?.columns.find((c) => c.header === "Job Title");
    expect(title).toMatchObject({ field: null, overridden: true });
    expect(fieldLabel("ignore")).toBe("not read");
    expect(fieldLabel("manager_id")).toBe("manager id");
  });

  it("re-detects on another sheet and drops overrides of the old sheet's columns", async () => {
    const { backend, state } = wizard();
    state.setPath("/home/hr/people.xlsx");
    await state.review();
    expect(state.detection?.sheet).toBe("People");
    await state.setField("Notes", "team");
    await state.setSheet("Leavers");
    expect(backend.detections.at(-1)).toEqual({ path: "/home/hr/people.xlsx", sheet: "Leavers", overrides: [], manager_ref: null, signed: [] });
    expect(state.detection?.sheet).toBe("Leavers");
  });

  it("a new file forgets the choices made for the old one", async () => {
    const { state } = wizard();
    state.setPath("/home/hr/a.csv");
    await state.review();
    await state.setField("Notes", "team");
    state.setManagerRef("name");
    state.setPath("/home/hr/b.csv");
    expect(state.choices).toEqual(choices({ path: "/home/hr/b.csv" }));
    expect(state.detection).toBeNull();
  });

  it("imports with the choices, reports progress, then refreshes the app", async () => {
    const { backend, state, imported } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    state.setManagerRef("name");
    await state.setField("Notes", "team");
    const seen: (number | null)[] = [];
    const original = backend.importPeople.bind(backend);
    backend.importPeople = (request, onProgress) =>
      original(request, (p) => {
        onProgress(p);
        seen.push(state.status.kind === "importing" ? progressPercent(state.status.progress) : -1);
      });
    expect(await state.runImport()).toBe(true);
    expect(backend.imports).toEqual([
      { path: "/home/hr/people.csv", sheet: null, overrides: [{ column: "Notes", field: "team" }], manager_ref: "name", signed: [] },
    ]);
    expect(seen).toEqual([50, 100]);
    expect(state.step).toBe("import");
    expect(state.status).toMatchObject({ kind: "done", result: { people: 4 } });
    expect(imported).toHaveLength(1);
  });

  it("shows a validation report with located errors and warnings, and goes back to the review", async () => {
    const { backend, state, imported } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    backend.failNext.set("importPeople", {
      code: "validation",
      message: "2 errors",
      findings: [finding("warning", 4, "Job Title", "empty-title"), finding("error", 3, "Reports To"), finding("error", 2, "Reports To")],
    });
    expect(await state.runImport()).toBe(false);
    expect(state.step).toBe("import");
    expect(imported).toEqual([]);
    if (state.status.kind !== "invalid") throw new Error(`expected a report, got ${state.status.kind}`);
    expect(state.status.report.errors.map((f) => f.location.row)).toEqual([3, 2]);
    expect(state.status.report.warnings.map((f) => f.code)).toEqual(["empty-title"]);
    expect(state.status.message).toMatch(/2 errors stop the import; nothing was imported/);
    state.back();
    expect(state.step).toBe("review");
    expect(state.status.kind).toBe("idle");
  });

  it("shows other failures by code", async () => {
    const { backend, state } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    backend.failNext.set("importPeople", { code: "busy", message: "locked" });
    expect(await state.runImport()).toBe(false);
    expect(state.status).toMatchObject({ kind: "failed", code: "busy" });
  });

  it("Browse… fills the path from the Open dialog; cancelling keeps it", async () => {
    const { backend, state } = wizard();
    state.setPath("/home/hr/old.csv");
    await state.browse();
    expect(state.path).toBe("/home/hr/old.csv");
    backend.openPath = "/home/hr/new.xlsx";
    await state.browse();
    expect(state.path).toBe("/home/hr/new.xlsx");
  });
});

describe("what the review shows and the signed-amounts control", () => {
  it("names the id and manager columns with the reasons they were chosen", async () => {
    const { state } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    const d = state.detection!;
    expect(choiceOf(d, "Employee #")?.reason).toBe("its header");
    expect(choiceOf(d, "Job Title")).toBeNull();
    expect(describeChoice(d.choices[1]!)).toBe("Manager column: Reports To (100% of references match people by name)");
    expect(describeChoice({ field: "id", header: "Badge", reason: "values unique" })).toBe("Id column: Badge (values unique)");
  });

  it("says whether what reading found stops the import", () => {
    expect(describeReadFindings([])).toBeNull();
    expect(describeReadFindings([finding("warning", 2, null, "read-as-windows-1252")])).toBe("Reading the file found 1 thing to check:");
    expect(describeReadFindings([finding("warning", 2, null), finding("error", 3, null, "bad-char")])).toMatch(/^1 problem reading the file will stop the import/);
  });

  it("declares cost columns signed, sends them, and forgets them when the column is no longer a cost", async () => {
    const { backend, state } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    expect(costColumns(state.detection)).toEqual([]);
    await state.setField("Notes", "cost");
    expect(costColumns(state.detection)).toEqual(["Notes"]);
    state.setSigned("Notes", true);
    state.setSigned("Notes", true);
    expect(state.signed).toEqual(["Notes"]);
    await state.runImport();
    expect(backend.imports.at(-1)?.signed).toEqual(["Notes"]);
    state.back();
    await state.setField("Notes", "team");
    expect(state.signed).toEqual([]);
    state.setSigned("Job Title", true);
    state.setSigned("Job Title", false);
    expect(state.signed).toEqual([]);
  });

  it("offers to read a refused column's negative amounts as signed, then imports with it signed", async () => {
    const { backend, state, imported } = wizard();
    state.setPath("/home/hr/people.csv");
    await state.review();
    await state.setField("Notes", "cost");
    const negative = (row: number) => ({ ...finding("error", row, "Notes", "negative-cost") });
    backend.failNext.set("importPeople", { code: "validation", message: "2 errors", findings: [negative(2), negative(4), finding("error", 3, "Reports To")] });
    expect(await state.runImport()).toBe(false);
    if (state.status.kind !== "invalid") throw new Error(`expected a report, got ${state.status.kind}`);
    const offered = negativeCostColumns(state.status.report.errors, state.signed);
    expect(offered).toEqual(["Notes"]);
    expect(negativeCostColumns(state.status.report.errors, ["Notes"])).toEqual([]);
    expect(await state.allowNegative(offered)).toBe(true);
    expect(backend.imports.at(-1)?.signed).toEqual(["Notes"]);
    expect(imported).toHaveLength(1);
  });

  it("shows the findings of a file detection refuses", async () => {
    const { backend, state } = wizard();
    state.setPath("/home/hr/binary.csv");
    backend.failNext.set("detectImport", { code: "validation", message: "NUL", findings: [finding("error", 1, null, "nul-byte")] });
    expect(await state.review()).toBe(false);
    expect(state.status).toMatchObject({ kind: "failed", code: "validation", findings: [{ code: "nul-byte" }] });
  });
});

describe("the re-import report", () => {
  it("names people, with the id only when it is not the name", () => {
    expect(secondaryId({ id: "e4", name: "Edsger Dijkstra", title: "Engineer", label: "Edsger Dijkstra (Engineer)" })).toBe("e4");
    expect(secondaryId({ id: "e5", name: "", title: "", label: "e5" })).toBeNull();
    expect(managerLabel(null)).toBe("top of the org");
    expect(managerLabel({ id: "e1", name: "Ada Lovelace", title: "CEO", label: "Ada Lovelace (CEO)" })).toBe("Ada Lovelace (CEO)");
  });
});

describe("the error report", () => {
  it("maps IPC findings onto AppError and splits errors from warnings", () => {
    const ipc = {
      code: "validation",
      message: "bad file",
      findings: [finding("error", 3, "Reports To"), finding("warning", null, null, "no-team")],
    };
    const error = toAppError(ipc);
    expect(error).toBeInstanceOf(AppError);
    expect(error.findings).toHaveLength(2);
    const report = reportOf(error.findings);
    expect(report.errors).toHaveLength(1);
    expect(report.warnings).toHaveLength(1);
    expect(toAppError({ code: "io", message: "x" }).findings).toEqual([]);
  });

  it("names file, row and column", () => {
    expect(describeLocation(finding("error", 3, "Reports To"))).toBe("people.csv, row 3, column Reports To");
    expect(describeLocation(finding("error", null, null))).toBe("people.csv");
    expect(describeLocation({ ...finding("error", 7, null), location: { file: "C:\\hr\\p.csv", row: 7, column: null } })).toBe("p.csv, row 7");
  });

  it("words failures and results", () => {
    expect(describeImportError(new AppError("io", "gone"))).toMatch(/could not be read/);
    expect(describeImportResult({ people: 1, teams: 1, warnings: [], warning_groups: [], report: null, kept_as: null, conflicts: [] })).toBe("Imported 1 person in 1 team.");
    expect(
      describeImportResult({ people: 4, teams: 2, warnings: [finding("warning", 2, "x"), finding("warning", 3, "x")], warning_groups: [], report: null, kept_as: null, conflicts: [] }),
    ).toBe("Imported 4 people in 2 teams (2 warnings).");
    const conflict = { position: 2, change: "move c to b", reason: "gone" };
    expect(
      describeImportResult({ people: 5, teams: 1, warnings: [], warning_groups: [], report: null, kept_as: null, conflicts: [{ scenario: "reorg", changes: [conflict] }] }),
    ).toBe("Imported 5 people in 1 team. Changes of 1 scenario no longer apply: see below.");
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ stage: "reading", done: 0, total: 0 })).toBeNull();
    expect(progressPercent({ stage: "reading", done: 1, total: 3 })).toBe(33);
    expect(stageLabel(null)).toBe("Starting…");
    expect(stageLabel({ stage: "reading", done: 1, total: 3 })).toBe("Reading the file…");
    expect(stageLabel({ stage: "validating", done: 1, total: 3 })).toBe("Checking the org…");
    expect(stageLabel({ stage: "storing", done: 1, total: 4 })).toBe("Saving to the workspace…");
    expect(delimiterLabel("\t")).toBe("Tab");
  });
});

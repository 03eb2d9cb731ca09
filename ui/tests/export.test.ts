import { describe, expect, it } from "vitest";
import { AppError } from "../src/lib/errors";
import {
  buildRequest,
  defaultFileName,
  defaultPath,
  describeExportError,
  describeResult,
  ExportDialogState,
  folderOf,
  FORMATS,
  redactByDefault,
  withExtension,
  type ExportForm,
} from "../src/lib/export.svelte";
import { fakePlatform } from "./fixtures";

function form(overrides: Partial<ExportForm> = {}): ExportForm {
  return {
    format: "csv",
    path: "/home/hr/org.csv",
    scope: "all",
    depth: "",
    page: "a4",
    landscape: false,
    redactCost: true,
    colourBy: "team",
    ...overrides,
  };
}

function dialog(selectedId: string | null = null, scenario = "baseline") {
  const backend = fakePlatform();
  const state = new ExportDialogState(backend, {
    workspacePath: "/home/hr/acme.orgraph",
    workspaceName: "acme.orgraph",
    scenario,
    selectedId,
  });
  return { backend, state };
}

describe("export file names", () => {
  it("default to the workspace's folder, its name and the format's extension", () => {
    expect(defaultFileName("acme.orgraph", "baseline", "pdf")).toBe("acme.pdf");
    expect(defaultFileName("acme.orgraph", "Q3 reorg", "mermaid")).toBe("acme-Q3-reorg.mmd");
    expect(defaultPath("/home/hr/acme.orgraph", "acme.orgraph", "baseline", "xlsx")).toBe("/home/hr/acme.xlsx");
    expect(defaultPath("C:\\Users\\hr\\acme.orgraph", "acme.orgraph", "baseline", "csv")).toBe("C:\\Users\\hr\\acme.csv");
    expect(defaultPath("/acme.orgraph", "acme.orgraph", "baseline", "svg")).toBe("/acme.svg");
    expect(folderOf("acme.orgraph")).toBe("");
  });

  it("swap a known extension when the format changes and leave other names alone", () => {
    expect(withExtension("/x/org.pdf", "csv")).toBe("/x/org.csv");
    expect(withExtension("/x/org.CSV", "mermaid")).toBe("/x/org.mmd");
    expect(withExtension("/x/org.v2", "pdf")).toBe("/x/org.v2");
    expect(withExtension("/x/org", "pdf")).toBe("/x/org");
  });

  it("every format has a distinct extension", () => {
    expect(new Set(FORMATS.map((f) => f.extension)).size).toBe(FORMATS.length);
  });
});

describe("buildRequest", () => {
  it("sends the shown scenario, the scope and the redaction flag", () => {
    const built = buildRequest(form({ scope: "subtree", depth: " 2 " }), "reorg", "ann");
    expect(built).toEqual({
      request: {
        format: "csv",
        path: "/home/hr/org.csv",
        scenario: "reorg",
        root: "ann",
        depth: 2,
        page: "a4",
        landscape: false,
        redactCost: true,
        colourBy: "team",
      },
    });
    const whole = buildRequest(form({ redactCost: false }), "baseline", "ann");
    expect("request" in whole && whole.request.root).toBe(null);
    expect("request" in whole && whole.request.redactCost).toBe(false);
  });

  it("refuses an empty or relative path, a bad depth and a subtree without a selection", () => {
    expect(buildRequest(form({ path: "  " }), "baseline", null)).toHaveProperty("problem");
    expect(buildRequest(form({ path: "org.csv" }), "baseline", null)).toHaveProperty("problem");
    expect(buildRequest(form({ path: "C:\\hr\\org.csv" }), "baseline", null)).toHaveProperty("request");
    for (const depth of ["0", "-1", "1.5", "two"]) {
      expect(buildRequest(form({ depth }), "baseline", null)).toHaveProperty("problem");
    }
    expect(buildRequest(form({ scope: "subtree" }), "baseline", null)).toHaveProperty("problem");
  });

  it("always asks for redaction on charts, which never show cost", () => {
    const built = buildRequest(form({ format: "pdf", redactCost: false }), "baseline", null);
    expect("request" in built && built.request.redactCost).toBe(true);
  });
});

describe("ExportDialogState", () => {
  it("starts on a PDF beside the workspace and redacts data formats by default", () => {
    const { state } = dialog();
    expect(state.form.format).toBe("pdf");
    expect(state.form.path).toBe("/home/hr/acme.pdf");
    expect(state.isChart).toBe(true);
    state.setFormat("csv");
    expect(state.form.path).toBe("/home/hr/acme.csv");
    expect(state.form.redactCost).toBe(true);
    expect(state.isChart).toBe(false);
    expect(redactByDefault("xlsx")).toBe(true);
    expect(redactByDefault("svg")).toBe(false);
  });

  it("keeps a path the user typed, only changing its extension", () => {
    const { state } = dialog();
    state.form.path = "/tmp/out/team.pdf";
    state.setFormat("xlsx");
    expect(state.form.path).toBe("/tmp/out/team.xlsx");
    state.form.path = "";
    state.setFormat("json");
    expect(state.form.path).toBe("/home/hr/acme.json");
  });

  it("exports through the platform and reports the written file", async () => {
    const { backend, state } = dialog("ann", "reorg");
    state.setFormat("csv");
    state.form.scope = "subtree";
    state.form.depth = "2";
    const pending = state.submit();
    expect(state.status.kind).toBe("exporting");
    expect(state.busy).toBe(true);
    expect(await pending).toBe(true);
    expect(backend.exports).toEqual([
      expect.objectContaining({ format: "csv", path: "/home/hr/acme-reorg.csv", scenario: "reorg", root: "ann", depth: 2, redactCost: true }),
    ]);
    expect(state.status.kind).toBe("done");
    if (state.status.kind === "done") {
      expect(describeResult(state.status.result)).toBe("Exported reorg (2 KB) to /home/hr/acme-reorg.csv");
    }
  });

  it("takes the path from the Save as dialog, and keeps it when cancelled", async () => {
    const { backend, state } = dialog();
    state.setFormat("xlsx");
    backend.savePath = "/home/hr/shared/people.xlsx";
    await state.browse();
    expect(backend.calls).toContain("chooseSavePath:/home/hr/acme.xlsx:Excel workbook:xlsx");
    expect(state.form.path).toBe("/home/hr/shared/people.xlsx");
    backend.savePath = null;
    await state.browse();
    expect(state.form.path).toBe("/home/hr/shared/people.xlsx");
    backend.failNext.set("chooseSavePath", { code: "internal", message: "no portal" });
    await state.browse();
    expect(state.status).toMatchObject({ kind: "failed", code: "internal" });
    expect(state.form.path).toBe("/home/hr/shared/people.xlsx");
  });

  it("shows a form problem without calling the platform", async () => {
    const { backend, state } = dialog();
    state.form.path = "relative.pdf";
    expect(await state.submit()).toBe(false);
    expect(backend.exports).toEqual([]);
    expect(state.status).toMatchObject({ kind: "failed", code: null });
  });

  it("shows the typed error when the export fails", async () => {
    const { backend, state } = dialog();
    backend.failNext.set("exportFile", { code: "io", message: "/nope/acme.pdf: No such file or directory" });
    expect(await state.submit()).toBe(false);
    expect(state.status).toEqual({
      kind: "failed",
      code: "io",
      message: "The file could not be written: /nope/acme.pdf: No such file or directory",
    });
  });
});

describe("export messages", () => {
  it("words errors by code", () => {
    expect(describeExportError(new AppError("not-found", "no person with id 'x'"))).toContain("no longer there");
    expect(describeExportError(new AppError("invalid-input", "too big"))).toBe("That export isn't possible: too big");
  });

  it("describes PDF pages and sizes", () => {
    const result = { path: "/x/a.pdf", format: "pdf" as const, scenario: "baseline", bytes: 3 * 1024 * 1024, pages: 3 };
    expect(describeResult(result)).toBe("Exported baseline (3 pages, 3.0 MB) to /x/a.pdf");
    expect(describeResult({ ...result, pages: 1, bytes: 500 })).toBe("Exported baseline (1 page, 500 bytes) to /x/a.pdf");
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "../src/lib/errors";
import {
  buildRequest,
  CHOICE_LAYERS,
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
        redact_cost: true,
        colour_by: "team",
        replace: false,
      },
    });
    const whole = buildRequest(form({ redactCost: false }), "baseline", "ann");
    expect("request" in whole && whole.request.root).toBe(null);
    expect("request" in whole && whole.request.redact_cost).toBe(false);
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
    expect("request" in built && built.request.redact_cost).toBe(true);
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
      expect.objectContaining({ format: "csv", path: "/home/hr/acme-reorg.csv", scenario: "reorg", root: "ann", depth: 2, redact_cost: true }),
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
      choices: [],
    });
  });

  it("asks before replacing a file, and replaces it only when told to", async () => {
    const { backend, state } = dialog();
    backend.failNext.set("exportFile", { code: "already-exists", message: "/home/hr/acme.pdf: a file already exists there" });
    expect(await state.submit()).toBe(false);
    expect(state.status).toEqual({ kind: "confirm-replace", path: "/home/hr/acme.pdf" });
    expect(backend.calls.filter((c) => c === "exportFile")).toHaveLength(1);
    // Keeping the file goes back to the form and writes nothing.
    state.cancelReplace();
    expect(state.status.kind).toBe("idle");
    expect(backend.exports).toEqual([]);
    // Asked again, then told to replace: the second request says so.
    backend.failNext.set("exportFile", { code: "already-exists", message: "exists" });
    await state.submit();
    expect(await state.confirmReplace()).toBe(true);
    expect(backend.exports).toEqual([expect.objectContaining({ path: "/home/hr/acme.pdf", replace: true })]);
    expect(state.status.kind).toBe("done");
  });

  it("a first export asks not to replace anything", async () => {
    const { backend, state } = dialog();
    await state.submit();
    expect(backend.exports).toEqual([expect.objectContaining({ replace: false })]);
  });

  it("offers PDF pages, SVG, a part or the top layers when the whole-org image is too big", async () => {
    const { backend, state } = dialog("ann");
    state.setFormat("png");
    backend.failNext.set("exportFile", { code: "image-too-large", message: "the chart would be a 90000x60000 px image … (--root, --depth)" });
    expect(await state.submit()).toBe(false);
    expect(state.status).toMatchObject({ kind: "failed", code: "image-too-large", choices: ["pdf", "svg", "subtree", "layers"] });
    if (state.status.kind !== "failed") throw new Error("not failed");
    // The app's own words: no CLI flags from the core's message.
    expect(state.status.message).not.toContain("--");
    expect(state.status.message).toContain("PDF");
    // A choice applies to the form and exports again.
    expect(await state.choose("pdf")).toBe(true);
    expect(state.form.format).toBe("pdf");
    expect(backend.exports).toEqual([expect.objectContaining({ format: "pdf", path: "/home/hr/acme.pdf", root: null })]);
  });

  it("offers only the choices that change something", async () => {
    const { backend, state } = dialog();
    state.setFormat("png");
    state.form.depth = "4";
    backend.failNext.set("exportFile", { code: "image-too-large", message: "too big" });
    await state.submit();
    expect(state.status).toMatchObject({ choices: ["pdf", "svg"] });
    backend.failNext.set("exportFile", { code: "image-too-large", message: "too big" });
    state.form.depth = "";
    await state.submit();
    expect(state.status).toMatchObject({ choices: ["pdf", "svg", "layers"] });
    expect(await state.choose("layers")).toBe(true);
    expect(backend.exports).toEqual([expect.objectContaining({ format: "png", depth: CHOICE_LAYERS })]);
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

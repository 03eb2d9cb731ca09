import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
// A plain function for rejections: vitest reports a vi.fn's rejected result
// as a failure even when the caller handles it.
let reject: unknown = null;
vi.mock("@tauri-apps/api/core", () => ({
  invoke: async (...args: unknown[]) => {
    if (reject !== null) throw reject;
    return invoke(...args);
  },
  // Like Tauri's: the backend calls `onmessage` with each message.
  Channel: class {
    onmessage: (message: unknown) => void = () => {};
  },
}));

const save = vi.fn();
const open = vi.fn();
vi.mock("@tauri-apps/plugin-dialog", () => ({
  save: (...args: unknown[]) => save(...args),
  open: (...args: unknown[]) => open(...args),
}));

const { tauriPlatform } = await import("../src/lib/platform");
const { AppError } = await import("../src/lib/errors");

describe("tauriPlatform", () => {
  beforeEach(() => {
    invoke.mockReset();
    reject = null;
  });

  it("calls the snake_case commands with camelCase arguments", async () => {
    invoke.mockResolvedValue({ people: 1 });
    await tauriPlatform.movePerson("a", "b");
    expect(invoke).toHaveBeenCalledWith("move_person", { personId: "a", managerId: "b" });
    await tauriPlatform.movePerson("a", null);
    expect(invoke).toHaveBeenLastCalledWith("move_person", { personId: "a", managerId: null });
    await tauriPlatform.personDetails("x");
    expect(invoke).toHaveBeenLastCalledWith("person_details", { id: "x" });
  });

  it("calls the scenario commands with camelCase arguments", async () => {
    invoke.mockResolvedValue({});
    await tauriPlatform.switchScenario("a");
    expect(invoke).toHaveBeenLastCalledWith("switch_scenario", { name: "a" });
    await tauriPlatform.createScenario("b", "baseline");
    expect(invoke).toHaveBeenLastCalledWith("create_scenario", { name: "b", from: "baseline" });
    await tauriPlatform.duplicateScenario("b", "c");
    expect(invoke).toHaveBeenLastCalledWith("duplicate_scenario", { name: "b", newName: "c" });
    await tauriPlatform.renameScenario("c", "d");
    expect(invoke).toHaveBeenLastCalledWith("rename_scenario", { name: "c", newName: "d" });
    await tauriPlatform.deleteScenario("d");
    expect(invoke).toHaveBeenLastCalledWith("delete_scenario", { name: "d" });
    await tauriPlatform.compareScenarios(["a", "b"]);
    expect(invoke).toHaveBeenLastCalledWith("compare_scenarios", { names: ["a", "b"] });
    const request = {
      format: "pdf" as const,
      path: "/tmp/a.pdf",
      scenario: "baseline",
      root: null,
      depth: null,
      page: "a4" as const,
      landscape: false,
      redact_cost: true,
      colour_by: "team" as const,
      replace: false,
    };
    await tauriPlatform.exportFile(request);
    expect(invoke).toHaveBeenLastCalledWith("export_file", { request });
    save.mockResolvedValue("/tmp/b.pdf");
    expect(await tauriPlatform.chooseSavePath("/tmp/a.pdf", "PDF chart", "pdf")).toBe("/tmp/b.pdf");
    expect(save).toHaveBeenLastCalledWith({ defaultPath: "/tmp/a.pdf", filters: [{ name: "PDF chart", extensions: ["pdf"] }] });
    for (const [call, command] of [
      [() => tauriPlatform.scenarios(), "scenarios"],
      [() => tauriPlatform.undo(), "undo"],
      [() => tauriPlatform.redo(), "redo"],
      [() => tauriPlatform.scenarioChanges(), "scenario_changes"],
      [() => tauriPlatform.headcountPlan(), "headcount_plan"],
    ] as const) {
      await call();
      expect(invoke).toHaveBeenLastCalledWith(command, undefined);
    }
  });

  it("calls the import commands, with progress on a channel", async () => {
    const request = { path: "/tmp/p.csv", sheet: null, overrides: [{ column: "Boss", field: "manager_id" }], manager_ref: null, signed: [] };
    invoke.mockResolvedValue({});
    await tauriPlatform.detectImport(request);
    expect(invoke).toHaveBeenLastCalledWith("detect_import", { request });
    const progress: unknown[] = [];
    invoke.mockImplementation(async (_command: string, args: { onProgress: { onmessage: (m: unknown) => void } }) => {
      args.onProgress.onmessage({ stage: "reading", done: 1, total: 2 });
      return { people: 1 };
    });
    expect(await tauriPlatform.importPeople(request, (p) => progress.push(p))).toEqual({ people: 1 });
    expect(invoke.mock.lastCall?.[0]).toBe("import_people");
    expect(invoke.mock.lastCall?.[1]).toMatchObject({ request });
    expect(progress).toEqual([{ stage: "reading", done: 1, total: 2 }]);
    open.mockResolvedValue("/tmp/p.xlsx");
    expect(await tauriPlatform.chooseImportFile()).toBe("/tmp/p.xlsx");
    expect(open.mock.lastCall?.[0]).toMatchObject({
      multiple: false,
      filters: [{ extensions: ["csv", "tsv", "txt", "xlsx", "xls", "ods"] }],
    });
    open.mockResolvedValue(null);
    expect(await tauriPlatform.chooseImportFile()).toBeNull();
  });

  it("keeps a validation error's findings", async () => {
    const findings = [{ severity: "error", code: "manager-cycle", message: "cycle", location: { file: "/tmp/p.csv", row: 3, column: "Boss" } }];
    reject = { code: "validation", message: "1 error", findings };
    const error: unknown = await tauriPlatform.importPeople({ path: "/tmp/p.csv", sheet: null, overrides: [], manager_ref: null, signed: [] }, () => {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as InstanceType<typeof AppError>).findings).toEqual(findings);
  });

  it("turns {code, message} rejections into AppError", async () => {
    reject = { code: "would-create-cycle", message: "nope" };
    const error: unknown = await tauriPlatform.movePerson("a", "b").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as InstanceType<typeof AppError>).code).toBe("would-create-cycle");
  });

  it("hands the binary layout over as an ArrayBuffer", async () => {
    const bytes = new Float32Array([1, 2, 3, 4]).buffer;
    invoke.mockResolvedValue(bytes);
    expect(await tauriPlatform.chartLayout(["a"])).toBe(bytes);
    expect(invoke).toHaveBeenCalledWith("chart_layout", { collapsed: ["a"] });
    invoke.mockResolvedValue(new Uint8Array([1, 2, 3, 4]));
    expect((await tauriPlatform.chartLayout([])).byteLength).toBe(4);
    invoke.mockResolvedValue({ not: "bytes" });
    await expect(tauriPlatform.chartLayout([])).rejects.toBeInstanceOf(AppError);
  });
});

describe("architecture", () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  }

  it("only src/lib/platform.ts imports @tauri-apps", () => {
    const src = join(import.meta.dirname, "../src");
    const importers = files(src)
      .filter((f) => /\.(ts|svelte)$/.test(f))
      .filter((f) => /from\s+["']@tauri-apps\//.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    expect(importers).toEqual(["lib/platform.ts"]);
  });
});

// The export dialog's state and rules: formats, default file names, the
// request sent to `export_file`, and the error wording. The component only
// renders this.

import type { ColourBy, ErrorCode, ExportRequest, ExportResult, FileFormat, PageSize } from "../generated";
import { AppError, toAppError } from "./errors";
import type { Platform } from "./platform";

export interface FormatInfo {
  id: FileFormat;
  label: string;
  extension: string;
  /** A drawn chart (never shows cost) rather than data. */
  chart: boolean;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: "pdf", label: "PDF chart", extension: "pdf", chart: true },
  { id: "png", label: "PNG image", extension: "png", chart: true },
  { id: "svg", label: "SVG image", extension: "svg", chart: true },
  { id: "csv", label: "CSV (re-importable)", extension: "csv", chart: false },
  { id: "xlsx", label: "Excel workbook", extension: "xlsx", chart: false },
  { id: "json", label: "JSON (whole model)", extension: "json", chart: false },
  { id: "dot", label: "Graphviz DOT", extension: "dot", chart: false },
  { id: "mermaid", label: "Mermaid", extension: "mmd", chart: false },
];

export const PAGES: readonly { id: PageSize; label: string }[] = [
  { id: "a4", label: "A4" },
  { id: "letter", label: "Letter" },
  { id: "a3", label: "A3" },
];

export const COLOURINGS: readonly { id: ColourBy; label: string }[] = [
  { id: "team", label: "Team" },
  { id: "verdict", label: "Span verdict" },
  { id: "placement", label: "Staff+ placement" },
  { id: "status", label: "Status" },
];

export function formatInfo(format: FileFormat): FormatInfo {
  return FORMATS.find((f) => f.id === format) ?? FORMATS[0]!;
}

/** The folder of a file path (POSIX or Windows separators), without a trailing separator. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  if (cut < 0) return "";
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

function separatorOf(path: string): string {
  return path.includes("\\") && !path.includes("/") ? "\\" : "/";
}

/** `acme.orgraph` + `reorg` + pdf → `acme-reorg.pdf` (baseline left out). */
export function defaultFileName(workspaceName: string, scenario: string, format: FileFormat): string {
  const stem = workspaceName.replace(/\.orgraph$/i, "") || "org";
  const part = scenario === "baseline" ? "" : `-${scenario}`;
  const safe = `${stem}${part}`.replace(/[\\/:*?"<>|\s]+/g, "-");
  return `${safe}.${formatInfo(format).extension}`;
}

/** The workspace's folder + the default file name. */
export function defaultPath(workspacePath: string, workspaceName: string, scenario: string, format: FileFormat): string {
  const folder = folderOf(workspacePath);
  const name = defaultFileName(workspaceName, scenario, format);
  if (folder === "") return name;
  const sep = separatorOf(workspacePath);
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/**
 * The path with its extension swapped to `format`'s, when it ends in one of
 * the export extensions (a name the user typed without one is left alone).
 */
export function withExtension(path: string, format: FileFormat): string {
  const known = new Set(FORMATS.map((f) => f.extension));
  const match = /\.([A-Za-z0-9]+)$/.exec(path);
  if (!match || !known.has(match[1]!.toLowerCase())) return path;
  return `${path.slice(0, match.index)}.${formatInfo(format).extension}`;
}

/**
 * Data formats start redacted: HR users share these files, and leaving
 * compensation out must be the default, including it a deliberate choice.
 * Charts never show cost, so the box does not apply to them.
 */
export function redactByDefault(format: FileFormat): boolean {
  return !formatInfo(format).chart;
}

export type Scope = "all" | "subtree";

export interface ExportForm {
  format: FileFormat;
  path: string;
  scope: Scope;
  /** Layers to include (root = 1); empty for all. */
  depth: string;
  page: PageSize;
  landscape: boolean;
  redactCost: boolean;
  colourBy: ColourBy;
}

/**
 * Builds the IPC request, or says what is wrong with the form. `replace`
 * says the user agreed to replace a file already at the path; without it
 * the backend refuses such a file (`already-exists`) and the dialog asks.
 */
export function buildRequest(
  form: ExportForm,
  scenario: string,
  selectedId: string | null,
  replace = false,
): { request: ExportRequest } | { problem: string } {
  const path = form.path.trim();
  if (path === "") return { problem: "Choose a file to export to." };
  if (!(path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\"))) {
    return { problem: "Give the full path of the file, e.g. /home/me/org.pdf." };
  }
  let depth: number | null = null;
  if (form.depth.trim() !== "") {
    const n = Number(form.depth.trim());
    if (!Number.isInteger(n) || n < 1) return { problem: "Layers must be a whole number of at least 1." };
    depth = n;
  }
  if (form.scope === "subtree" && selectedId === null) {
    return { problem: "Select a person in the chart to export their part of the org." };
  }
  const chart = formatInfo(form.format).chart;
  return {
    request: {
      format: form.format,
      path,
      scenario,
      root: form.scope === "subtree" ? selectedId : null,
      depth,
      page: form.page,
      landscape: form.landscape,
      // Charts never carry cost; the flag only means something for data.
      redact_cost: chart ? true : form.redactCost,
      colour_by: form.colourBy,
      replace,
    },
  };
}

/** What to tell the user when an export fails, chosen by error code. */
export function describeExportError(error: AppError): string {
  switch (error.code) {
    case "not-found":
      return `The person or scenario to export is no longer there: ${error.message}`;
    case "image-too-large":
      return "The whole org is too big for one image with readable names. Export it as a PDF, which splits it over pages, or as an SVG, or export only part of it.";
    case "already-exists":
      return "A file is already there.";
    case "invalid-input":
    case "validation":
      return `That export isn't possible: ${error.message}`;
    case "io":
      return `The file could not be written: ${error.message}`;
    case "busy":
      return "The workspace is busy (another Orgraph window is saving). Try again in a moment.";
    case "conflict":
      return "This workspace was changed in another Orgraph window. Reopen it and export again.";
    case "storage":
    case "corrupt":
    case "not-a-workspace":
      return `The workspace could not be read: ${error.message}`;
    case "would-create-cycle":
    case "nothing-to-undo":
    case "nothing-to-redo":
    case "internal":
      return `Something went wrong: ${error.message}`;
  }
}

/** A way out of a refused export that the dialog offers as a button. */
export type ExportChoice = "pdf" | "svg" | "subtree" | "layers";

/** Layers a "top layers only" choice keeps. */
export const CHOICE_LAYERS = 3;

export const CHOICE_LABELS: Record<ExportChoice, string> = {
  pdf: "Export as PDF pages",
  svg: "Export as SVG",
  subtree: "Export the selected person's part",
  layers: `Export the top ${CHOICE_LAYERS} layers`,
};

/**
 * What the dialog offers when an export is refused, by code: an image too
 * big to read can become PDF pages, an SVG (no pixel limit), the selected
 * person's part of the org, or the top layers.
 */
export function choicesFor(code: ErrorCode, form: ExportForm, selectedId: string | null): ExportChoice[] {
  if (code !== "image-too-large") return [];
  const choices: ExportChoice[] = ["pdf", "svg"];
  if (selectedId !== null && form.scope !== "subtree") choices.push("subtree");
  if (form.depth.trim() === "") choices.push("layers");
  return choices;
}

export type ExportStatus =
  | { kind: "idle" }
  | { kind: "exporting" }
  | { kind: "done"; result: ExportResult }
  | { kind: "confirm-replace"; path: string }
  | { kind: "failed"; message: string; code: string | null; choices: ExportChoice[] };

/** The dialog's form and what the last export did. */
export class ExportDialogState {
  form: ExportForm = $state({
    format: "pdf",
    path: "",
    scope: "all",
    depth: "",
    page: "a4",
    landscape: false,
    redactCost: false,
    colourBy: "team",
  });
  status: ExportStatus = $state({ kind: "idle" });

  readonly #platform: Platform;
  readonly #workspacePath: string;
  readonly #workspaceName: string;
  readonly #scenario: string;
  readonly #selectedId: string | null;

  constructor(
    platform: Platform,
    context: { workspacePath: string; workspaceName: string; scenario: string; selectedId: string | null },
  ) {
    this.#platform = platform;
    this.#workspacePath = context.workspacePath;
    this.#workspaceName = context.workspaceName;
    this.#scenario = context.scenario;
    this.#selectedId = context.selectedId;
    this.form.path = defaultPath(context.workspacePath, context.workspaceName, context.scenario, this.form.format);
    this.form.redactCost = redactByDefault(this.form.format);
  }

  get scenario(): string {
    return this.#scenario;
  }

  get isChart(): boolean {
    return formatInfo(this.form.format).chart;
  }

  get busy(): boolean {
    return this.status.kind === "exporting";
  }

  /** Picks a format: the path's extension and the redaction default follow. */
  setFormat(format: FileFormat): void {
    this.form.format = format;
    const path = this.form.path.trim();
    this.form.path =
      path === ""
        ? defaultPath(this.#workspacePath, this.#workspaceName, this.#scenario, format)
        : withExtension(this.form.path, format);
    this.form.redactCost = redactByDefault(format);
  }

  /** Picks the file with the native Save as dialog (the path field stays editable). */
  async browse(): Promise<void> {
    if (this.busy) return;
    const format = formatInfo(this.form.format);
    try {
      const chosen = await this.#platform.chooseSavePath(this.form.path.trim(), format.label, format.extension);
      if (chosen !== null) {
        this.form.path = chosen;
        this.status = { kind: "idle" };
      }
    } catch (error) {
      const appError = toAppError(error);
      this.status = {
        kind: "failed",
        message: `The Save as dialog could not open: ${appError.message}`,
        code: appError.code,
        choices: [],
      };
    }
  }

  /**
   * Runs the export; resolves true on success. A file already at the path
   * is not replaced: the dialog then asks (`confirm-replace`), and
   * `confirmReplace` exports again, replacing it.
   */
  async submit(replace = false): Promise<boolean> {
    if (this.busy) return false;
    const built = buildRequest(this.form, this.#scenario, this.#selectedId, replace);
    if ("problem" in built) {
      this.status = { kind: "failed", message: built.problem, code: null, choices: [] };
      return false;
    }
    this.status = { kind: "exporting" };
    try {
      const result = await this.#platform.exportFile(built.request);
      this.status = { kind: "done", result };
      return true;
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "already-exists" && !replace) {
        this.status = { kind: "confirm-replace", path: built.request.path };
        return false;
      }
      this.status = {
        kind: "failed",
        message: describeExportError(appError),
        code: appError.code,
        choices: choicesFor(appError.code, this.form, this.#selectedId),
      };
      return false;
    }
  }

  /** The user agreed to replace the file: exports again, replacing it. */
  confirmReplace(): Promise<boolean> {
    return this.submit(true);
  }

  /** The user kept the file: back to the form, nothing written. */
  cancelReplace(): void {
    if (this.status.kind === "confirm-replace") this.status = { kind: "idle" };
  }

  /** Applies a choice offered after a refusal and exports again. */
  choose(choice: ExportChoice): Promise<boolean> {
    switch (choice) {
      case "pdf":
      case "svg":
        this.setFormat(choice);
        break;
      case "subtree":
        this.form.scope = "subtree";
        break;
      case "layers":
        this.form.depth = String(CHOICE_LAYERS);
        break;
    }
    return this.submit();
  }
}

/** "Exported 3 pages (120 KB) to /x/y.pdf" */
export function describeResult(result: ExportResult): string {
  const size =
    result.bytes >= 1024 * 1024
      ? `${(result.bytes / (1024 * 1024)).toFixed(1)} MB`
      : result.bytes >= 1024
        ? `${Math.round(result.bytes / 1024)} KB`
        : `${result.bytes} bytes`;
  const pages = result.pages === null ? "" : result.pages === 1 ? "1 page, " : `${result.pages} pages, `;
  return `Exported ${result.scenario} (${pages}${size}) to ${result.path}`;
}

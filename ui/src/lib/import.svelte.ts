// The import wizard's state and rules: the three steps (choose a file,
// review what will be read, import), the request sent to `detect_import`
// and `import_people` with the user's overrides, the progress, and the
// validation report. The component only renders this.

import type {
  ColumnOverride,
  Finding,
  ImportRequest,
  ImportReview,
  ImportSummary,
  NamedPerson,
  Progress,
  ReviewChoice,
  ReviewColumn,
} from "../generated";
import { toAppError, type AppError } from "./errors";
import type { Platform } from "./platform";

/** The field value of a column that is not read (the core's `ignore`). */
export const NOT_READ = "ignore";

export type WizardStep = "choose" | "review" | "import";

/** The user's choices on top of what was detected. */
export interface ImportChoices {
  path: string;
  /** Workbook sheet (null: the first). */
  sheet: string | null;
  /** Column header → field name (`ignore`: not read), only those the user changed. */
  overrides: Readonly<Record<string, string>>;
  /** The manager reference kind the user chose (null: detected). */
  managerRef: string | null;
  /** Cost columns, by header, whose amounts may be negative. */
  signed: readonly string[];
}

/** True for an absolute POSIX or Windows path. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

/** Builds the IPC request, or says what is wrong with the choices. */
export function buildImportRequest(choices: ImportChoices): { request: ImportRequest } | { problem: string } {
  const path = choices.path.trim();
  if (path === "") return { problem: "Choose the file to import." };
  if (!isAbsolutePath(path)) return { problem: "Give the full path of the file, e.g. /home/me/people.csv." };
  const overrides: ColumnOverride[] = Object.entries(choices.overrides).map(([column, field]) => ({ column, field }));
  return {
    request: {
      path,
      sheet: choices.sheet === "" ? null : choices.sheet,
      overrides,
      manager_ref: choices.managerRef === "" ? null : choices.managerRef,
      signed: [...choices.signed],
    },
  };
}

/** The code of the finding a negative amount in an unsigned cost column gives. */
export const NEGATIVE_COST = "negative-cost";

/** The headers of the columns read as cost: the ones that can be declared signed. */
export function costColumns(detection: ImportReview | null): string[] {
  return detection === null ? [] : detection.columns.filter((c) => c.field === "cost").map((c) => c.header);
}

/** The cost columns a refused import found negative amounts in and that are not signed yet, in file order. */
export function negativeCostColumns(findings: readonly Finding[], signed: readonly string[]): string[] {
  const columns: string[] = [];
  for (const f of findings) {
    const column = f.location.column;
    if (f.code !== NEGATIVE_COST || column === null) continue;
    if (!signed.includes(column) && !columns.includes(column)) columns.push(column);
  }
  return columns;
}

/** Why a column was read as the id or the manager (null for other columns). */
export function choiceOf(detection: ImportReview, header: string): ReviewChoice | null {
  return detection.choices.find((c) => c.header === header) ?? null;
}

/** "id column: Badge (values unique)". */
export function describeChoice(choice: ReviewChoice): string {
  const role = choice.field === "id" ? "Id column" : "Manager column";
  return `${role}: ${choice.header} (${choice.reason})`;
}

/** What the review says about what reading the file found: errors refuse the import. */
export function describeReadFindings(findings: readonly Finding[]): string | null {
  if (findings.length === 0) return null;
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors > 0) {
    return `${errors === 1 ? "1 problem" : `${errors} problems`} reading the file will stop the import: fix the file and choose it again.`;
  }
  return findings.length === 1 ? "Reading the file found 1 thing to check:" : `Reading the file found ${findings.length} things to check:`;
}

/** The field a column's select shows (`ignore` when it is not read). */
export function fieldOf(column: ReviewColumn): string {
  return column.field ?? NOT_READ;
}

/** A field name as the user reads it: `manager_id` → "manager id". */
export function fieldLabel(field: string): string {
  return field === NOT_READ ? "not read" : field.replace(/_/g, " ");
}

/** "Tab" for a tab, the character itself otherwise. */
export function delimiterLabel(delimiter: string | null): string {
  if (delimiter === null) return "—";
  if (delimiter === "\t") return "Tab";
  if (delimiter === " ") return "Space";
  return delimiter;
}

/** A finding's place in the file: "people.csv, row 3, column Reports To". */
export function describeLocation(finding: Finding): string {
  const { file, row, column } = finding.location;
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  const parts = [cut >= 0 ? file.slice(cut + 1) : file];
  if (row !== null) parts.push(`row ${row}`);
  if (column !== null) parts.push(`column ${column}`);
  return parts.filter((p) => p !== "").join(", ");
}

/** A validation report: errors block the import, warnings do not. */
export interface ImportReportView {
  errors: Finding[];
  warnings: Finding[];
}

/** Splits a failed import's findings into errors and warnings (file order kept). */
export function reportOf(findings: readonly Finding[]): ImportReportView {
  return {
    errors: findings.filter((f) => f.severity === "error"),
    warnings: findings.filter((f) => f.severity === "warning"),
  };
}

/** Percent done (0–100) for the progress bar, or null when unknown. */
export function progressPercent(progress: Progress | null): number | null {
  if (progress === null || progress.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((progress.done / progress.total) * 100)));
}

export function stageLabel(progress: Progress | null): string {
  if (progress === null) return "Starting…";
  switch (progress.stage) {
    case "reading":
      return "Reading the file…";
    case "validating":
      return "Checking the org…";
    case "storing":
      return "Saving to the workspace…";
  }
}

/** What to tell the user when detection or an import fails, chosen by code. */
export function describeImportError(error: AppError): string {
  switch (error.code) {
    case "io":
      return `The file could not be read: ${error.message}`;
    case "invalid-input":
    case "validation":
      return `That file can't be imported: ${error.message}`;
    case "not-found":
      return `The file or sheet was not found: ${error.message}`;
    case "busy":
      return "The workspace is busy (another Orgraph window is saving). Try again in a moment.";
    case "conflict":
      return "This workspace was changed in another Orgraph window. Reopen it and import again.";
    case "storage":
    case "corrupt":
    case "not-a-workspace":
      return `The import could not be saved in the workspace: ${error.message}`;
    case "would-create-cycle":
    case "already-exists":
    case "nothing-to-undo":
    case "nothing-to-redo":
    case "image-too-large":
    case "internal":
      return `Something went wrong: ${error.message}`;
  }
}

/** The id shown after a person's name in the import report, or null when the name is the id (no name in the file). */
export function secondaryId(person: NamedPerson): string | null {
  return person.label === person.id ? null : person.id;
}

/** A manager in a move: their name and title, or "top of the org" for none. */
export function managerLabel(manager: NamedPerson | null): string {
  return manager === null ? "top of the org" : manager.label;
}

/** "Imported 4 people in 2 teams (1 warning)." */
export function describeImportResult(result: ImportSummary): string {
  const people = result.people === 1 ? "1 person" : `${result.people} people`;
  const teams = result.teams === 1 ? "1 team" : `${result.teams} teams`;
  const warnings =
    result.warnings.length === 0 ? "" : result.warnings.length === 1 ? " (1 warning)" : ` (${result.warnings.length} warnings)`;
  const affected = result.conflicts.length;
  const conflicts =
    affected === 0
      ? ""
      : ` Changes of ${affected === 1 ? "1 scenario" : `${affected} scenarios`} no longer apply: see below.`;
  return `Imported ${people} in ${teams}${warnings}.${conflicts}`;
}

export type ImportStatus =
  | { kind: "idle" }
  | { kind: "detecting" }
  | { kind: "importing"; progress: Progress | null }
  | { kind: "done"; result: ImportSummary }
  | { kind: "invalid"; report: ImportReportView; message: string }
  | { kind: "failed"; message: string; code: string | null; findings: Finding[] };

/** The wizard: a file, what was detected in it, the user's overrides, and the last outcome. */
export class ImportWizardState {
  step: WizardStep = $state("choose");
  path = $state("");
  detection: ImportReview | null = $state(null);
  sheet: string | null = $state(null);
  overrides: Record<string, string> = $state({});
  managerRef: string | null = $state(null);
  signed: string[] = $state([]);
  status: ImportStatus = $state({ kind: "idle" });

  readonly #platform: Platform;
  readonly #onImported: (result: ImportSummary) => Promise<void> | void;

  constructor(platform: Platform, onImported: (result: ImportSummary) => Promise<void> | void) {
    this.#platform = platform;
    this.#onImported = onImported;
  }

  get busy(): boolean {
    return this.status.kind === "detecting" || this.status.kind === "importing";
  }

  get choices(): ImportChoices {
    return { path: this.path, sheet: this.sheet, overrides: this.overrides, managerRef: this.managerRef, signed: this.signed };
  }

  /** Picks the file with the native Open dialog (the path field stays editable). */
  async browse(): Promise<void> {
    if (this.busy) return;
    try {
      const chosen = await this.#platform.chooseImportFile();
      if (chosen !== null) {
        this.setPath(chosen);
      }
    } catch (error) {
      const appError = toAppError(error);
      this.status = { kind: "failed", message: `The Open dialog could not open: ${appError.message}`, code: appError.code, findings: [] };
    }
  }

  /** A new file: earlier choices were about other columns, so they go. */
  setPath(path: string): void {
    if (path !== this.path) {
      this.sheet = null;
      this.overrides = {};
      this.managerRef = null;
      this.signed = [];
      this.detection = null;
    }
    this.path = path;
    this.status = { kind: "idle" };
  }

  /** Step 1 → 2: detects the file and shows the review; resolves true on success. */
  async review(): Promise<boolean> {
    const ok = await this.#detect();
    if (ok) this.step = "review";
    return ok;
  }

  /** Reads another sheet: its columns differ, so column overrides are dropped. */
  async setSheet(sheet: string): Promise<boolean> {
    this.sheet = sheet;
    this.overrides = {};
    this.signed = [];
    return this.#detect();
  }

  /** Maps a column to a field (`ignore`: not read) and re-detects with the override. */
  async setField(header: string, field: string): Promise<boolean> {
    this.overrides = { ...this.overrides, [header]: field };
    return this.#detect();
  }

  /** Declares a cost column signed (negative amounts read) or not. */
  setSigned(header: string, signed: boolean): void {
    const others = this.signed.filter((h) => h !== header);
    this.signed = signed ? [...others, header] : others;
  }

  /** After a refusal for negative costs: declares those columns signed and imports again. */
  async allowNegative(columns: readonly string[]): Promise<boolean> {
    if (this.busy) return false;
    for (const column of columns) this.setSigned(column, true);
    return this.runImport();
  }

  /** Overrides how managers are referred to. */
  setManagerRef(kind: string): void {
    this.managerRef = kind;
  }

  /** Back one step (not while something runs). */
  back(): void {
    if (this.busy) return;
    if (this.step === "import") this.step = this.detection ? "review" : "choose";
    else if (this.step === "review") this.step = "choose";
    this.status = { kind: "idle" };
  }

  /** Step 2 → 3: imports; resolves true when the workspace holds the new org. */
  async runImport(): Promise<boolean> {
    if (this.busy) return false;
    const built = buildImportRequest(this.choices);
    if ("problem" in built) {
      this.status = { kind: "failed", message: built.problem, code: null, findings: [] };
      return false;
    }
    this.step = "import";
    this.status = { kind: "importing", progress: null };
    let result: ImportSummary;
    try {
      result = await this.#platform.importPeople(built.request, (progress) => {
        if (this.status.kind === "importing") this.status = { kind: "importing", progress };
      });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "validation" && appError.findings.length > 0) {
        const report = reportOf(appError.findings);
        const n = report.errors.length;
        const message =
          n === 0
            ? "The file does not validate; nothing was imported."
            : `${n === 1 ? "1 error stops" : `${n} errors stop`} the import; nothing was imported. Fix the file (or the mapping) and try again.`;
        this.status = { kind: "invalid", report, message };
      } else {
        this.status = { kind: "failed", message: describeImportError(appError), code: appError.code, findings: [] };
      }
      return false;
    }
    this.status = { kind: "done", result };
    await this.#onImported(result);
    return true;
  }

  async #detect(): Promise<boolean> {
    const built = buildImportRequest(this.choices);
    if ("problem" in built) {
      this.status = { kind: "failed", message: built.problem, code: null, findings: [] };
      return false;
    }
    this.status = { kind: "detecting" };
    try {
      const detection = await this.#platform.detectImport(built.request);
      this.detection = detection;
      this.sheet = detection.sheet;
      // A column no longer read as cost cannot be signed (the core refuses it).
      const costs = costColumns(detection);
      this.signed = this.signed.filter((h) => costs.includes(h));
      this.status = { kind: "idle" };
      return true;
    } catch (error) {
      const appError = toAppError(error);
      this.status = { kind: "failed", message: describeImportError(appError), code: appError.code, findings: [...appError.findings] };
      return false;
    }
  }
}

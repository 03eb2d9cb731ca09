// Errors as the UI sees them. Branch on `code`, never on `message`.

import type { ErrorCode, Finding, IpcError } from "../generated";

/** A failed command. `code` is what the UI branches on; never `message`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The located findings of a `validation` error (an import's report); empty otherwise. */
  readonly findings: readonly Finding[];

  constructor(code: ErrorCode, message: string, findings: readonly Finding[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.findings = findings;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/** Normalises whatever a rejected command produced into an `AppError`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isIpcError(error)) {
    const findings = Array.isArray(error.findings) ? error.findings : [];
    return new AppError(error.code, error.message, findings);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("internal", message);
}

export interface MoveNames {
  person: string;
  manager: string | null;
}

/** What to tell the user when a move is refused, chosen by error code. */
export function describeMoveError(error: AppError, names: MoveNames): string {
  const target = names.manager ?? "the top of the org";
  switch (error.code) {
    case "would-create-cycle":
      return `${names.person} can't report to ${target}: ${target} already reports, directly or indirectly, to ${names.person}.`;
    case "not-found":
      return `${names.person} or ${target} is no longer in this workspace. Reload and try again.`;
    case "invalid-input":
    case "validation":
      return `That move isn't allowed: ${error.message}`;
    case "busy":
      return "The workspace is busy (another Orgraph window is saving). Try again in a moment.";
    case "conflict":
      return "This workspace was changed in another Orgraph window. Reopen it to see the latest version.";
    case "already-exists":
    case "nothing-to-undo":
    case "nothing-to-redo":
      return `That move isn't possible: ${error.message}`;
    case "io":
    case "storage":
    case "corrupt":
    case "not-a-workspace":
      return `The move could not be saved: ${error.message}`;
    case "image-too-large":
    case "internal":
      return `Something went wrong: ${error.message}`;
  }
}

/** What was being done to a scenario, for the wording of a refusal. */
export type ScenarioAction = "switch" | "create" | "duplicate" | "rename" | "delete" | "undo" | "redo" | "load" | "edit";

/** What to tell the user when a scenario action is refused, chosen by code. */
export function describeScenarioError(error: AppError, action: ScenarioAction, name: string): string {
  switch (error.code) {
    case "already-exists":
      if (action === "edit") return `That change isn't possible: ${error.message}`;
      return `There is already a scenario called “${name}”. Choose another name.`;
    case "invalid-input":
    case "validation":
      if (action === "edit") return `That change isn't possible: ${error.message}`;
      return action === "delete"
        ? `“${name}” can't be deleted: ${error.message}`
        : `“${name}” isn't a usable scenario name: ${error.message}`;
    case "not-found":
      if (action === "edit") return `That change refers to something that no longer exists: ${error.message}`;
      return `There is no scenario called “${name}” any more. It may have been deleted in another window.`;
    case "nothing-to-undo":
      return "There is nothing to undo in this scenario.";
    case "nothing-to-redo":
      return "There is nothing to redo in this scenario.";
    case "busy":
      return "The workspace is busy (another Orgraph window is saving). Try again in a moment.";
    case "conflict":
      return "This workspace was changed in another Orgraph window. Reopen it to see the latest version.";
    case "would-create-cycle":
      return `That ${action === "redo" ? "redo" : "change"} isn't possible: ${error.message}`;
    case "io":
    case "storage":
    case "corrupt":
    case "not-a-workspace":
      return `The scenario could not be saved: ${error.message}`;
    case "image-too-large":
    case "internal":
      return `Something went wrong: ${error.message}`;
  }
}

/** What was being done to a workspace, for the wording of a refusal. */
export type WorkspaceAction = "new" | "open" | "save-as";

/**
 * What to tell the user when a workspace could not be created, opened or
 * saved, chosen by code. The open workspace is always left as it was.
 */
export function describeWorkspaceError(error: AppError, action: WorkspaceAction, path: string): string {
  const kept = "The current workspace is still open.";
  switch (error.code) {
    case "not-a-workspace":
      return `${path} isn't an Orgraph workspace, so it wasn't opened (nor changed). ${kept}`;
    case "corrupt":
      return `${path} is damaged and can't be opened; the file was left untouched. ${kept}`;
    case "already-exists":
      return `A file already exists at ${path}. Choose another name for the new workspace.`;
    case "io":
      return action === "open"
        ? `${path} couldn't be read (${error.message}). ${kept}`
        : `${path} couldn't be written (${error.message}). Check the folder exists and you may write there.`;
    case "busy":
      return `${path} is busy (another Orgraph window is saving). Try again in a moment.`;
    case "invalid-input":
    case "validation":
      return `That isn't possible: ${error.message}`;
    case "storage":
    case "conflict":
    case "not-found":
    case "would-create-cycle":
    case "nothing-to-undo":
    case "nothing-to-redo":
      return `${action === "open" ? "The workspace couldn't be opened" : "The workspace couldn't be saved"}: ${error.message}. ${kept}`;
    case "image-too-large":
    case "internal":
      return `Something went wrong: ${error.message}`;
  }
}

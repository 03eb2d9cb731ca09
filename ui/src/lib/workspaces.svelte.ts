// The File menu: new, open, save as and recent workspaces. Talks to the
// backend only through the injected `Platform`; after a switch it calls
// `onswitched` so the app reloads everything and closes views that belonged
// to the old workspace. A refused switch leaves the open workspace alone.

import type { RecentWorkspace, WorkspaceInfo } from "../generated";
import { describeWorkspaceError, toAppError, type WorkspaceAction } from "./errors";
import { WORKSPACE_EXTENSION, type Platform } from "./platform";
import type { UiError } from "./store.svelte";

/** One Recent entry as the menu shows it. */
export interface RecentEntry {
  path: string;
  label: string;
  /** The folder, shown when two recent workspaces share a file name. */
  hint: string | null;
  current: boolean;
}

/** The folder part of `path` ("" for a bare name). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut < 0 ? "" : path.slice(0, cut);
}

/** `name` with the workspace extension, unless it has it already. */
export function withExtension(path: string): string {
  const trimmed = path.trim();
  if (trimmed === "") return trimmed;
  return trimmed.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`) ? trimmed : `${trimmed}.${WORKSPACE_EXTENSION}`;
}

/** Joins a folder and a file name with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  if (folder === "") return name;
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/**
 * The Recent menu: the open workspace first, then the others in the order
 * given (most recent first), at most `limit`; entries sharing a file name
 * show their folder so they can be told apart.
 */
export function recentEntries(list: readonly RecentWorkspace[], limit = 8): RecentEntry[] {
  const seen = new Set<string>();
  const ordered = [...list.filter((r) => r.current), ...list.filter((r) => !r.current)].filter((r) => {
    if (seen.has(r.path)) return false;
    seen.add(r.path);
    return true;
  });
  const kept = ordered.slice(0, limit);
  const names = new Map<string, number>();
  for (const r of kept) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  return kept.map((r) => ({
    path: r.path,
    label: r.name,
    hint: (names.get(r.name) ?? 0) > 1 ? folderOf(r.path) : null,
    current: r.current,
  }));
}

/** The dialog that asks for a path (the native dialog's fallback). */
export type WorkspaceDialog = "new" | "open" | "save-as";

export class WorkspaceStore {
  recent = $state.raw<RecentEntry[]>([]);
  /** The path dialog on show, if any. */
  dialog = $state<WorkspaceDialog | null>(null);
  /** The path in the dialog's field. */
  path = $state("");
  busy = $state(false);
  /** The last refused action, worded by code. */
  error = $state.raw<UiError | null>(null);

  readonly #platform: Platform;
  readonly #current: () => WorkspaceInfo | null;
  readonly #switched: (info: WorkspaceInfo, announcement: string) => Promise<void> | void;

  constructor(
    platform: Platform,
    current: () => WorkspaceInfo | null,
    onswitched: (info: WorkspaceInfo, announcement: string) => Promise<void> | void,
  ) {
    this.#platform = platform;
    this.#current = current;
    this.#switched = onswitched;
  }

  /** Fetches the Recent list (when the menu opens). */
  async loadRecent(): Promise<void> {
    try {
      this.recent = recentEntries(await this.#platform.recentWorkspaces());
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: `The recent workspaces couldn't be listed: ${error.message}` };
    }
  }

  /** The folder new files start in: the open workspace's. */
  get folder(): string {
    return folderOf(this.#current()?.path ?? "");
  }

  /** Opens the path dialog for `kind`, with a sensible default path. */
  start(kind: WorkspaceDialog): void {
    const current = this.#current();
    const base = current?.name.replace(/\.orgraph$/i, "") ?? "workspace";
    const name = kind === "new" ? "untitled.orgraph" : kind === "save-as" ? `${base} copy.orgraph` : current?.name ?? "";
    this.path = joinPath(this.folder, name);
    this.error = null;
    this.dialog = kind;
  }

  close(): void {
    if (this.busy) return;
    this.dialog = null;
    this.error = null;
  }

  /** The native dialog for the open path dialog; fills the field when a file is chosen. */
  async browse(): Promise<void> {
    const kind = this.dialog;
    if (kind === null) return;
    try {
      const chosen =
        kind === "open"
          ? await this.#platform.chooseWorkspaceFile(this.path)
          : await this.#platform.chooseSavePath(this.path, "Orgraph workspace", WORKSPACE_EXTENSION);
      if (chosen) this.path = chosen;
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: `The file dialog failed: ${error.message}` };
    }
  }

  /** Runs the path dialog's action on the path in its field. */
  async submit(): Promise<boolean> {
    const kind = this.dialog;
    if (kind === null) return false;
    const raw = this.path.trim();
    if (raw === "") {
      this.error = { code: "invalid-input", message: "Enter the path of the workspace file." };
      return false;
    }
    const path = kind === "open" ? raw : withExtension(raw);
    const done = await this.#run(kind, path);
    if (done) this.dialog = null;
    return done;
  }

  /** Opens a workspace from the Recent list. */
  async openRecent(path: string): Promise<boolean> {
    if (path === this.#current()?.path) return true;
    const done = await this.#run("open", path);
    if (!done) await this.loadRecent();
    return done;
  }

  async #run(action: WorkspaceAction, path: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const info =
        action === "new"
          ? await this.#platform.newWorkspace(path)
          : action === "open"
            ? await this.#platform.openWorkspace(path)
            : await this.#platform.saveWorkspaceAs(path);
      const verb = action === "new" ? "Created" : action === "open" ? "Opened" : "Saved a copy as";
      await this.#switched(info, `${verb} ${info.name}.`);
      return true;
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: describeWorkspaceError(error, action, path) };
      return false;
    } finally {
      this.busy = false;
    }
  }
}

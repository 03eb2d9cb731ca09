// The fake backend's workspace files: new, open, save as, the recent list
// and the workspace on show.

import type { RecentWorkspace, WorkspaceInfo } from "../../src/generated";
import { backendOrg, stateOf, type BackendOrg } from "../backendFixtures";
import type { FakeBackend, FakeContext } from "./context";

/** Shows the workspace at `path` holding the backend's org `figures`, on its baseline unless `keepScenarios`. */
function switchTo(ctx: FakeContext, path: string, figures: BackendOrg, keepScenarios: boolean): WorkspaceInfo {
  const { backend } = ctx;
  backend.files.set(backend.workspacePath, ctx.figures);
  backend.workspacePath = path;
  ctx.figures = figures;
  ctx.base = stateOf(figures, []).chartNodes;
  if (!keepScenarios) {
    backend.scenarioData = new Map([["baseline", { parent: null, changes: [], head: 0 }]]);
    backend.shown = "baseline";
  }
  backend.nodes = ctx.materialise(backend.shown);
  backend.recent = [path, ...backend.recent.filter((p) => p !== path)].slice(0, 8);
  return workspaceInfo(backend);
}

function workspaceInfo(backend: FakeBackend): WorkspaceInfo {
  return {
    path: backend.workspacePath,
    name: backend.workspacePath.split("/").pop() ?? backend.workspacePath,
    people: backend.nodes.length,
  };
}

type WorkspaceCommands = Pick<
  FakeBackend,
  "newWorkspace" | "openWorkspace" | "saveWorkspaceAs" | "recentWorkspaces" | "chooseWorkspaceFile" | "workspaceInfo"
>;

export function workspaceCommands(ctx: FakeContext): WorkspaceCommands {
  return {
    async newWorkspace(path) {
      ctx.maybeFail("newWorkspace");
      const { backend } = ctx;
      if (path === backend.workspacePath || backend.files.has(path)) {
        throw { code: "already-exists", message: `${path}: a file already exists there` };
      }
      return switchTo(ctx, path, backendOrg("empty"), false);
    },
    async openWorkspace(path) {
      ctx.maybeFail("openWorkspace");
      const file = path === ctx.backend.workspacePath ? ctx.figures : ctx.backend.files.get(path);
      if (file === undefined) throw { code: "io", message: `${path}: No such file or directory` };
      if (file === "junk") throw { code: "not-a-workspace", message: `${path}: not an Orgraph workspace` };
      return switchTo(ctx, path, typeof file === "string" ? backendOrg(file) : file, false);
    },
    async saveWorkspaceAs(path) {
      ctx.maybeFail("saveWorkspaceAs");
      if (path === ctx.backend.workspacePath) throw { code: "invalid-input", message: "that is the workspace already open" };
      if (!path.startsWith("/")) throw { code: "io", message: `${path}: the folder does not exist` };
      return switchTo(ctx, path, ctx.figures, true);
    },
    async recentWorkspaces(): Promise<RecentWorkspace[]> {
      ctx.maybeFail("recentWorkspaces");
      return ctx.backend.recent.map((path) => ({
        path,
        name: path.split("/").pop() ?? path,
        current: path === ctx.backend.workspacePath,
      }));
    },
    async chooseWorkspaceFile(defaultPath) {
      ctx.maybeFail("chooseWorkspaceFile");
      ctx.backend.calls.push(`chooseWorkspaceFile:${defaultPath}`);
      return ctx.backend.workspaceOpenPath;
    },
    async workspaceInfo() {
      ctx.backend.calls.push("workspaceInfo");
      return workspaceInfo(ctx.backend);
    },
  };
}

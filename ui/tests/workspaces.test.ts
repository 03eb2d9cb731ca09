import { describe, expect, it } from "vitest";
import { AppError, describeWorkspaceError } from "../src/lib/errors";
import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { folderOf, joinPath, recentEntries, withExtension, WorkspaceStore } from "../src/lib/workspaces.svelte";
import { fakePlatform } from "./fixtures";

async function loaded() {
  const backend = fakePlatform();
  const store = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, store);
  await Promise.all([store.load(), scenarios.load()]);
  const switched: string[] = [];
  const workspaces = new WorkspaceStore(backend, () => store.workspace, async (info, announcement) => {
    switched.push(info.path);
    await Promise.all([store.showWorkspace(), scenarios.showWorkspace()]);
    store.announcement = announcement;
  });
  return { backend, store, scenarios, workspaces, switched };
}

describe("recent list", () => {
  const r = (path: string, current = false) => ({ path, name: path.split("/").pop()!, current });

  it("puts the open workspace first and keeps at most eight", () => {
    const list = [r("/a/one.orgraph"), r("/a/two.orgraph", true), ...Array.from({ length: 9 }, (_, i) => r(`/b/w${i}.orgraph`))];
    const entries = recentEntries(list);
    expect(entries).toHaveLength(8);
    expect(entries[0]).toMatchObject({ path: "/a/two.orgraph", current: true, label: "two.orgraph" });
    expect(entries[1]!.path).toBe("/a/one.orgraph");
  });

  it("shows the folder when two entries share a file name, and drops duplicates", () => {
    const entries = recentEntries([r("/x/org.orgraph", true), r("/y/org.orgraph"), r("/y/org.orgraph"), r("/z/other.orgraph")]);
    expect(entries.map((e) => e.hint)).toEqual(["/x", "/y", null]);
  });

  it("builds paths with the workspace extension", () => {
    expect(folderOf("/home/me/org.orgraph")).toBe("/home/me");
    expect(folderOf("org.orgraph")).toBe("");
    expect(folderOf("C:\\Users\\me\\org.orgraph")).toBe("C:\\Users\\me");
    expect(joinPath("/home/me", "new.orgraph")).toBe("/home/me/new.orgraph");
    expect(joinPath("C:\\Users\\me", "new.orgraph")).toBe("C:\\Users\\me\\new.orgraph");
    expect(withExtension(" /tmp/plan ")).toBe("/tmp/plan.orgraph");
    expect(withExtension("/tmp/plan.ORGRAPH")).toBe("/tmp/plan.ORGRAPH");
  });
});

describe("WorkspaceStore", () => {
  it("Save As copies to the typed path, switches and reloads", async () => {
    const { backend, store, workspaces, switched } = await loaded();
    workspaces.start("save-as");
    expect(workspaces.path).toBe("/tmp/test copy.orgraph");
    workspaces.path = "/tmp/copy";
    expect(await workspaces.submit()).toBe(true);
    expect(switched).toEqual(["/tmp/copy.orgraph"]);
    expect(workspaces.dialog).toBeNull();
    expect(store.workspace?.name).toBe("copy.orgraph");
    expect(store.nodes).toHaveLength(5);
    expect(store.announcement).toBe("Saved a copy as copy.orgraph.");
    expect(backend.calls).toContain("saveWorkspaceAs");
  });

  it("New shows an empty workspace and forgets the old one's selection and views", async () => {
    const { store, scenarios, workspaces } = await loaded();
    await store.select("ann");
    await store.toggleCollapsed("ann");
    await scenarios.compare([]);
    expect(scenarios.comparison).not.toBeNull();
    workspaces.start("new");
    expect(workspaces.path).toBe("/tmp/untitled.orgraph");
    expect(await workspaces.submit()).toBe(true);
    expect(store.workspace).toMatchObject({ name: "untitled.orgraph", people: 0 });
    expect(store.nodes).toEqual([]);
    expect(store.selectedId).toBeNull();
    expect(store.details).toBeNull();
    expect(store.collapsed.size).toBe(0);
    expect(scenarios.comparison).toBeNull();
    expect(scenarios.currentName).toBe("baseline");
  });

  it("a refused open keeps the workspace on show and words the error by code", async () => {
    const { backend, store, workspaces, switched } = await loaded();
    backend.files.set("/tmp/notes.orgraph", "junk");
    workspaces.start("open");
    workspaces.path = "/tmp/notes.orgraph";
    expect(await workspaces.submit()).toBe(false);
    expect(switched).toEqual([]);
    expect(workspaces.dialog).toBe("open");
    expect(workspaces.error?.code).toBe("not-a-workspace");
    expect(workspaces.error?.message).toContain("isn't an Orgraph workspace");
    expect(store.workspace?.name).toBe("test.orgraph");
    expect(store.nodes).toHaveLength(5);

    workspaces.path = "/tmp/test.orgraph";
    workspaces.start("new");
    workspaces.path = "/tmp/test.orgraph";
    expect(await workspaces.submit()).toBe(false);
    expect(workspaces.error?.code).toBe("already-exists");
  });

  it("opens a workspace again from the Recent list, current first", async () => {
    const { backend, store, workspaces } = await loaded();
    backend.files.set("/data/other.orgraph", "solo");
    await workspaces.openRecent("/data/other.orgraph");
    expect(store.workspace?.name).toBe("other.orgraph");
    expect(store.nodes.map((n) => n.id)).toEqual(["solo"]);
    await workspaces.loadRecent();
    expect(workspaces.recent.map((e) => [e.path, e.current])).toEqual([
      ["/data/other.orgraph", true],
      ["/tmp/test.orgraph", false],
    ]);
    expect(await workspaces.openRecent("/tmp/test.orgraph")).toBe(true);
    expect(store.nodes).toHaveLength(5);
  });

  it("Browse fills the field from the native dialog; cancelling keeps it", async () => {
    const { backend, workspaces } = await loaded();
    workspaces.start("open");
    backend.workspaceOpenPath = "/picked/org.orgraph";
    await workspaces.browse();
    expect(workspaces.path).toBe("/picked/org.orgraph");
    backend.workspaceOpenPath = null;
    await workspaces.browse();
    expect(workspaces.path).toBe("/picked/org.orgraph");
    workspaces.start("save-as");
    backend.savePath = "/picked/copy.orgraph";
    await workspaces.browse();
    expect(workspaces.path).toBe("/picked/copy.orgraph");
    expect(backend.calls).toContain("chooseSavePath:/tmp/test copy.orgraph:Orgraph workspace:orgraph");
  });

  it("an empty path is refused before calling the backend", async () => {
    const { backend, workspaces } = await loaded();
    workspaces.start("save-as");
    workspaces.path = "  ";
    expect(await workspaces.submit()).toBe(false);
    expect(workspaces.error?.code).toBe("invalid-input");
    expect(backend.calls).not.toContain("saveWorkspaceAs");
  });
});

describe("describeWorkspaceError", () => {
  it("says the current workspace stays open when an open fails", () => {
    expect(describeWorkspaceError(new AppError("corrupt", "x"), "open", "/a.orgraph")).toMatch(/damaged.*still open/);
    expect(describeWorkspaceError(new AppError("io", "No such file"), "open", "/a.orgraph")).toMatch(/couldn't be read/);
    expect(describeWorkspaceError(new AppError("io", "denied"), "save-as", "/a.orgraph")).toMatch(/couldn't be written/);
  });
});

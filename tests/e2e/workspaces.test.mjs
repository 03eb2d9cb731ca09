// End-to-end tests of workspaces and the keyboard in the real app: Save As
// to a temporary file (through the dialog's path field: WebDriver can't
// drive native dialogs) retitles the window; New shows the empty state with
// its Import call to action; Recent opens the first workspace again; a file
// that is not a workspace is refused with a typed error and changes nothing;
// the arrow keys walk the chart; Delete asks, removes, and Ctrl+Z restores;
// every control has an accessible name. The tests share one app session.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import {
  $id,
  browser,
  number,
  repo,
  reports,
  selectViaSearch,
  sleep,
  startApp,
  text,
  useApp,
  WAIT,
  workspace,
} from "./harness.mjs";

const outDir = mkdtempSync(join(tmpdir(), "orgraph-e2e-workspaces-"));
// The recent list and the window state live in the config folder: keep
// them out of the real one (tauri-driver passes this environment on).
process.env.XDG_CONFIG_HOME = join(outDir, "config");
// A window size and position remembered from an earlier run (the file
// tauri-plugin-window-state keeps in the app's config folder).
const REMEMBERED = { width: 1200, height: 760, x: 16, y: 24 };
mkdirSync(join(outDir, "config", "dev.orgraph.desktop"), { recursive: true });
writeFileSync(
  join(outDir, "config", "dev.orgraph.desktop", ".window-state.json"),
  JSON.stringify({
    main: { ...REMEMBERED, prev_x: REMEMBERED.x, prev_y: REMEMBERED.y, maximized: false, visible: true, decorated: true, fullscreen: false },
  }),
);
after(() => rmSync(outDir, { recursive: true, force: true }));

useApp();

/** Controls (button, input, select, textarea) that have no accessible name. */
function unnamedControls() {
  return browser.execute(() => {
    const textOf = (el) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const nameOf = (el) => {
      const aria = el.getAttribute("aria-label");
      if (aria && aria.trim()) return aria;
      const by = el.getAttribute("aria-labelledby");
      if (by) {
        const named = by
          .split(/\s+/)
          .map((id) => textOf(document.getElementById(id)))
          .join(" ")
          .trim();
        if (named) return named;
      }
      for (const label of el.labels ?? []) if (textOf(label)) return textOf(label);
      if (el.tagName === "BUTTON" && textOf(el)) return textOf(el);
      if (el.tagName === "INPUT" && ["button", "submit", "reset"].includes(el.type) && el.value) return el.value;
      const title = el.getAttribute("title");
      return title && title.trim() ? title : "";
    };
    return [...document.querySelectorAll("button, input:not([type=hidden]), select, textarea")]
      .filter((el) => nameOf(el) === "")
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

/** The check itself catches a control without a name (so a pass means something). */
async function assertCheckWorks() {
  await browser.execute(() => {
    const probe = document.createElement("button");
    probe.dataset.probe = "unnamed";
    document.body.append(probe);
  });
  const found = await unnamedControls();
  await browser.execute(() => document.querySelector("[data-probe]")?.remove());
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /data-probe/);
}

async function assertAllNamed(where) {
  assert.deepEqual(await unnamedControls(), [], `controls without an accessible name (${where})`);
}

async function title() {
  return browser.getTitle();
}

async function waitForTitle(name) {
  await browser.waitUntil(async () => (await title()) === `Orgraph — ${name}`, {
    timeout: WAIT,
    timeoutMsg: `the title did not become “Orgraph — ${name}” (${await title()})`,
  });
  assert.equal(await text("workspace-name"), name);
}

async function openMenu() {
  const menu = await browser.$("#file-menu");
  if (!(await menu.isExisting())) await (await $id("file-menu")).click();
  await menu.waitForDisplayed({ timeout: WAIT });
}

/** File > `item`, then types `path` into the dialog's field and submits. */
async function viaDialog(item, path) {
  await openMenu();
  await (await $id(item)).click();
  const field = await $id("workspace-path");
  await field.waitForDisplayed({ timeout: WAIT });
  await field.clearValue();
  await field.setValue(path);
  await (await $id("workspace-submit")).click();
}

async function selectedId() {
  const details = await $id("details-name");
  await details.waitForExist({ timeout: WAIT });
  return details.getAttribute("data-person-id");
}

/** Presses `key` with the focus on the chart, and waits for the selection to change. */
async function walk(key, from) {
  await browser.execute(() => document.querySelector('[data-testid="chart-canvas"]').focus());
  await browser.keys([key]);
  await browser.waitUntil(async () => (await selectedId()) !== from, {
    timeout: WAIT,
    timeoutMsg: `${key} did not move the selection from ${from}`,
  });
  return selectedId();
}

async function managerOfSelected() {
  const manager = await $id("details-manager");
  return (await manager.isExisting()) ? manager.getAttribute("data-person-id") : null;
}

let root;
let people;

test("the app starts titled with its workspace, every control named", async () => {
  await startApp();
  const rect = await browser.getWindowRect();
  assert.equal(rect.width, REMEMBERED.width, `the remembered width (${JSON.stringify(rect)})`);
  assert.equal(rect.height, REMEMBERED.height, `the remembered height (${JSON.stringify(rect)})`);
  await waitForTitle("e2e.orgraph");
  people = await number("metric-people");
  assert.ok(people > 100, `${people} people`);
  await assertCheckWorks();
  await assertAllNamed("main window");
  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    await (await $id("collapse-levels")).click();
    await openMenu();
    await sleep(800); // let the canvas repaint before capturing
    const out = join(repo, "docs/screenshots/workspaces.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
  }
  await openMenu();
  await assertAllNamed("File menu");
  await browser.keys(["Escape"]);
  await (await browser.$("#file-menu")).waitForExist({ reverse: true, timeout: WAIT });
  for (const [open, dialog] of [
    ["export-open", "export-dialog"],
    ["import-open", "import-wizard"],
  ]) {
    await (await $id(open)).click();
    const el = await browser.$(`[data-testid="${dialog}"], [aria-modal="true"]`);
    await el.waitForDisplayed({ timeout: WAIT });
    await assertAllNamed(dialog);
    await browser.keys(["Escape"]);
    await browser.$('[aria-modal="true"]').waitForExist({ reverse: true, timeout: WAIT });
  }
  for (const tab of ["tab-compare", "tab-plan"]) {
    await (await $id(tab)).click();
    await sleep(500);
    await assertAllNamed(tab);
  }
  await (await $id("tab-chart")).click();
});

test("Save As copies the workspace to a new file and shows it", async () => {
  const copy = join(outDir, "copy.orgraph");
  await viaDialog("workspace-save-as", copy);
  await waitForTitle("copy.orgraph");
  assert.ok(existsSync(copy), "the copy was written");
  assert.equal(await number("metric-people"), people);
  assert.equal((await title()).includes("e2e"), false);
});

test("a file that is not a workspace is refused and nothing changes", async () => {
  const junk = join(outDir, "notes.orgraph");
  writeFileSync(junk, "not a database");
  await viaDialog("workspace-open", junk);
  const error = await $id("workspace-dialog-error");
  await error.waitForDisplayed({ timeout: WAIT });
  assert.equal(await error.getAttribute("data-code"), "not-a-workspace");
  assert.match(await error.getText(), /isn't an Orgraph workspace/);
  await assertAllNamed("workspace dialog");
  await browser.keys(["Escape"]);
  await (await $id("workspace-dialog")).waitForExist({ reverse: true, timeout: WAIT });
  await waitForTitle("copy.orgraph");
  assert.equal(await number("metric-people"), people);
});

test("New creates an empty workspace and offers Import…", async () => {
  await viaDialog("workspace-new", join(outDir, "empty"));
  await waitForTitle("empty.orgraph");
  assert.ok(existsSync(join(outDir, "empty.orgraph")));
  const empty = await $id("empty-state");
  await empty.waitForDisplayed({ timeout: WAIT });
  assert.match(await empty.getText(), /no people yet/);
  assert.equal(await (await $id("empty-import")).getText(), "Import…");
  assert.equal(await number("metric-people"), 0);
});

test("Recent lists the workspaces opened, current first, and opens the first again", async () => {
  await openMenu();
  const entries = await browser.$$('[data-testid="workspace-recent"]');
  const paths = [];
  for (const entry of entries) paths.push(await entry.getAttribute("data-path"));
  assert.ok(paths[0].endsWith("empty.orgraph"), paths.join(", "));
  assert.ok(paths.some((p) => p.endsWith("copy.orgraph")), paths.join(", "));
  const first = paths.find((p) => p.endsWith("e2e.orgraph"));
  assert.ok(first, `the first workspace is listed: ${paths.join(", ")}`);
  assert.equal(first, workspace);
  await (await browser.$(`[data-testid="workspace-recent"][data-path="${first}"]`)).click();
  await waitForTitle("e2e.orgraph");
  await browser.waitUntil(async () => (await number("metric-people")) === people, { timeout: WAIT });
  assert.equal(await (await $id("empty-state")).isExisting(), false);
});

test("Ctrl+F focuses the search box", async () => {
  await browser.execute(() => document.querySelector('[data-testid="chart-canvas"]').focus());
  await browser.keys(["Control", "f"]);
  await browser.waitUntil(async () => browser.execute(() => document.activeElement?.id === "search-input"), {
    timeout: WAIT,
    timeoutMsg: "Ctrl+F did not focus the search box",
  });
});

test("the arrow keys walk the chart", async () => {
  // The root, through anyone's chain of command.
  const input = await $id("search-input");
  await input.setValue("a");
  const option = await browser.$('[data-testid="search-option"]');
  await option.waitForDisplayed({ timeout: WAIT });
  const anyone = await option.getAttribute("data-person-id");
  await selectViaSearch(anyone);
  const chain = await browser.$$('[data-testid="details-chain-item"]');
  root = chain.length > 0 ? await chain[chain.length - 1].getAttribute("data-person-id") : anyone;
  await selectViaSearch(root);

  const down = await walk("ArrowDown", root);
  assert.equal(await managerOfSelected(), root, "Down selects a direct report");
  const right = await walk("ArrowRight", down);
  assert.equal(await managerOfSelected(), root, "Right selects a sibling");
  assert.equal(await walk("ArrowLeft", right), down, "Left goes back");
  assert.equal(await walk("ArrowUp", down), root, "Up selects the manager");
});

test("Delete asks, removes the person, and Ctrl+Z brings them back", async () => {
  await selectViaSearch(root);
  const department = (await reports()).find((r) => r.reports > 0);
  await selectViaSearch(department.id);
  const leaf = (await reports()).find((r) => r.reports === 0) ?? (await reports())[0];
  await selectViaSearch(leaf.id);
  await browser.execute(() => document.querySelector('[data-testid="chart-canvas"]').focus());
  await browser.keys(["Delete"]);
  const dialog = await $id("remove-dialog");
  await dialog.waitForDisplayed({ timeout: WAIT });
  await assertAllNamed("remove dialog");
  // Escape cancels: nothing removed.
  await browser.keys(["Escape"]);
  await dialog.waitForExist({ reverse: true, timeout: WAIT });
  assert.equal(await number("metric-people"), people);

  await browser.execute(() => document.querySelector('[data-testid="chart-canvas"]').focus());
  await browser.keys(["Delete"]);
  await dialog.waitForDisplayed({ timeout: WAIT });
  await (await $id("remove-confirm")).click();
  await dialog.waitForExist({ reverse: true, timeout: WAIT });
  await browser.waitUntil(async () => (await number("metric-people")) === people - 1, {
    timeout: WAIT,
    timeoutMsg: "the person was not removed",
  });
  assert.equal(await selectedId(), department.id, "their manager is selected");
  assert.equal(
    (await reports()).some((r) => r.id === leaf.id),
    false,
    "no longer among their manager's reports",
  );

  await browser.execute(() => document.querySelector('[data-testid="chart-canvas"]').focus());
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => (await number("metric-people")) === people, {
    timeout: WAIT,
    timeoutMsg: "Ctrl+Z did not bring the person back",
  });
  await selectViaSearch(leaf.id);
  assert.equal(await managerOfSelected(), department.id);
});

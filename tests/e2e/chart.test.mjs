// End-to-end test of the chart view at work: colour by (and its legend),
// the dotted-line overlay, the minimap, and moving a person alone by
// Shift-dropping them on a new manager (their reports stay behind), undone
// in one step. Then the chart on open for issue 23's two shapes (the
// fixtures in tests/fixtures/chart/): a 1,300-person forest with 451 roots
// and a 1,500-person org ten layers deep open with legible names, after an
// import and on a restart; Fit after Expand all stays legible; hovering a
// box shows its name and title; the selection follows a move and its undo.
// See harness.mjs for how the app is driven.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import {
  $id,
  browser,
  chooseInPicker,
  managerId,
  number,
  quitApp,
  reports,
  repo,
  selectViaSearch,
  sleep,
  startApp,
  text,
  useApp,
  WAIT,
} from "./harness.mjs";

useApp();

async function legend() {
  const el = await $id("chart-legend");
  const entries = await browser.$$('[data-testid="legend-entry"]');
  const labels = [];
  for (const e of entries) labels.push(await e.getAttribute("data-label"));
  return { mode: await el.getAttribute("data-mode"), labels };
}

async function chooseColour(mode) {
  await (await $id("colour-by")).selectByAttribute("value", mode);
  await browser.waitUntil(async () => (await legend()).mode === mode, { timeout: WAIT, timeoutMsg: `legend did not switch to ${mode}` });
}

/** A checksum of the chart canvas's pixels. */
async function canvasSum() {
  return browser.execute(() => {
    const c = document.querySelector('[data-testid="chart-canvas"]');
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum = (sum + (i % 9973) * (data[i] + 3 * data[i + 1] + 7 * data[i + 2])) % 2147483647;
    return sum;
  });
}

async function view() {
  const c = await $id("chart-canvas");
  return {
    x: Number(await c.getAttribute("data-view-x")),
    y: Number(await c.getAttribute("data-view-y")),
    scale: Number(await c.getAttribute("data-view-scale")),
  };
}

async function selectedWorld() {
  const c = await $id("chart-canvas");
  return { x: Number(await c.getAttribute("data-selected-x")), y: Number(await c.getAttribute("data-selected-y")) };
}

/** Dispatches pointer events on a test id's element at element-local points. */
async function pointer(testid, steps) {
  await browser.execute(
    (testid, steps) => {
      const el = document.querySelector(`[data-testid="${testid}"]`);
      const r = el.getBoundingClientRect();
      for (const s of steps) {
        el.dispatchEvent(
          new PointerEvent(s.type, {
            bubbles: true,
            cancelable: true,
            composed: true,
            pointerId: 7,
            pointerType: "mouse",
            isPrimary: true,
            button: 0,
            buttons: s.type === "pointerup" ? 0 : 1,
            clientX: r.left + s.x,
            clientY: r.top + s.y,
            shiftKey: Boolean(s.shift),
          }),
        );
      }
    },
    testid,
    steps,
  );
}

async function waitForManager(id, expected, message) {
  await browser.waitUntil(
    async () => {
      await selectViaSearch(id);
      return (await managerId()) === expected;
    },
    { timeout: WAIT, timeoutMsg: message },
  );
}

test("colour by, dotted lines, minimap, and moving a person alone with undo", async () => {
  await startApp();
  const canvas = await $id("chart-canvas");
  await canvas.waitForDisplayed({ timeout: WAIT });

  // Colour by: the legend follows the mode.
  let shown = await legend();
  assert.equal(shown.mode, "verdict");
  assert.ok(shown.labels.includes("Narrow span"), `verdict legend: ${shown.labels}`);
  await chooseColour("team");
  shown = await legend();
  assert.ok(!shown.labels.includes("Narrow span"));
  assert.ok(shown.labels.length >= 3, `a legend entry per team: ${shown.labels}`);
  assert.equal(await canvas.getAttribute("data-colour-by"), "team");
  await chooseColour("status");
  assert.ok((await legend()).labels.includes("Active"));
  await chooseColour("placement");
  assert.ok((await legend()).labels.includes("Staff+ embedded"));
  await chooseColour("team");

  // Dotted lines (the demo org has two): drawn, in the legend, and toggled off and on.
  await (await $id("expand-all")).click();
  await (await $id("zoom-fit")).click();
  // Fit stops at a legible zoom; zoomed out past it the whole org shows as
  // a summary, dotted lines included.
  for (let i = 0; i < 8; i++) await (await $id("zoom-out")).click();
  await sleep(600);
  await (await $id("legend-dotted")).waitForExist({ timeout: WAIT });
  const withDotted = await canvasSum();
  await (await $id("toggle-dotted")).click();
  await (await $id("legend-dotted")).waitForExist({ reverse: true, timeout: WAIT });
  await sleep(400);
  const withoutDotted = await canvasSum();
  assert.notEqual(withoutDotted, withDotted, "hiding dotted lines changes the picture");
  await (await $id("toggle-dotted")).click();
  await (await $id("legend-dotted")).waitForExist({ timeout: WAIT });
  await sleep(400);
  assert.equal(await canvasSum(), withDotted, "showing them again draws the same picture");

  // Minimap: a click far right of the view's frame moves the view there.
  for (let i = 0; i < 4; i++) await (await $id("zoom-in")).click();
  await sleep(300);
  const before = await view();
  const frame = await $id("minimap-frame");
  const frameLeft = parseFloat(await frame.getCSSProperty("left").then((p) => String(p.value)));
  const minimap = await $id("minimap");
  const size = await minimap.getSize();
  const target = frameLeft < size.width / 2 ? size.width - 12 : 12;
  await pointer("minimap", [
    { type: "pointerdown", x: target, y: size.height / 2 },
    { type: "pointerup", x: target, y: size.height / 2 },
  ]);
  await browser.waitUntil(async () => Math.abs((await view()).x - before.x) > 100, {
    timeout: WAIT,
    timeoutMsg: "the minimap click did not move the view",
  });
  const after = await view();
  assert.equal(after.scale, before.scale, "the minimap keeps the zoom");
  assert.equal(Math.sign(after.x - before.x), target > frameLeft ? 1 : -1, "moved towards the click");
  await (await $id("toggle-minimap")).click();
  await minimap.waitForExist({ reverse: true, timeout: WAIT });
  await (await $id("toggle-minimap")).click();
  await (await $id("minimap")).waitForExist({ timeout: WAIT });

  // Move alone: P (a department head) onto T (another one), Shift held.
  const input = await $id("search-input");
  await input.setValue("a");
  const firstOption = await browser.$('[data-testid="search-option"]');
  await firstOption.waitForDisplayed({ timeout: WAIT });
  await selectViaSearch(await firstOption.getAttribute("data-person-id"));
  const chain = await browser.$$('[data-testid="details-chain-item"]');
  const root = chain.length > 0 ? await chain[chain.length - 1].getAttribute("data-person-id") : null;
  assert.ok(root, "found the root");
  await selectViaSearch(root);
  const heads = (await reports()).filter((r) => r.reports > 0);
  assert.ok(heads.length >= 2, "the root has two department heads");
  const [p, t] = heads;
  await selectViaSearch(p.id);
  const pReports = (await reports()).map((r) => r.id);
  assert.ok(pReports.length > 0);
  const managersBefore = await number("metric-managers");

  await (await $id("collapse-levels")).click();
  await sleep(300);
  await selectViaSearch(t.id);
  const tWorld = await selectedWorld();
  await selectViaSearch(p.id);
  const pWorld = await selectedWorld();
  // Close the search's suggestions first: they lie over the toolbar.
  await (await $id("search-input")).clearValue();
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await sleep(200);
  await (await $id("zoom-fit")).click();
  await sleep(400);
  const v = await view();
  const screen = (w) => ({ x: (w.x - v.x) * v.scale, y: (w.y - v.y) * v.scale });
  const from = screen(pWorld);
  const to = screen(tWorld);
  const box = await canvas.getSize();
  for (const s of [from, to]) {
    assert.ok(s.x > 0 && s.y > 0 && s.x < box.width && s.y < box.height, `on screen: ${JSON.stringify({ s, v, box, pWorld, tWorld })}`);
  }

  await pointer("chart-canvas", [
    { type: "pointerdown", x: from.x, y: from.y },
    { type: "pointermove", x: from.x + 12, y: from.y + 12 },
    { type: "pointermove", x: (from.x + to.x) / 2, y: (from.y + to.y) / 2, shift: true },
    { type: "pointermove", x: to.x, y: to.y, shift: true },
  ]);
  const hint = await $id("drag-hint");
  await hint.waitForDisplayed({ timeout: WAIT });
  assert.match(String(await hint.getProperty("textContent")), /^Move .+ alone under .+; their \d+ direct reports? stay with .+\.$/);
  await pointer("chart-canvas", [{ type: "pointerup", x: to.x, y: to.y, shift: true }]);

  await waitForManager(p.id, t.id, "P now reports to T");
  for (const r of pReports) {
    await selectViaSearch(r);
    assert.equal(await managerId(), root, `${r} stayed behind with the old manager`);
  }
  // P has no reports any more: one manager fewer, at once.
  assert.equal(await number("metric-managers"), managersBefore - 1);

  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    await (await $id("search-input")).clearValue();
    await (await $id("zoom-fit")).click();
    await (await $id("zoom-in")).click();
    await sleep(800);
    const out = join(repo, "docs/screenshots/chart.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
  }

  // One undo puts P and all their reports back.
  await (await $id("undo-button")).click();
  await waitForManager(p.id, root, "undo put P back under the root");
  for (const r of pReports) {
    await selectViaSearch(r);
    assert.equal(await managerId(), p.id, `${r} reports to P again`);
  }
  assert.equal(await number("metric-managers"), managersBefore);
});

// ---- the chart on open, for the two shapes of issue 23 ----

const FIXTURES = join(repo, "tests/fixtures/chart");

/** id -> { name, title, manager } from a fixture CSV (no field is quoted). */
function people(file) {
  const rows = readFileSync(join(FIXTURES, file), "utf8").trim().split("\n").slice(1);
  return new Map(rows.map((r) => r.split(",")).map(([id, name, title, manager]) => [id, { name, title, manager }]));
}

/** What the chart draws: zoom, the legible zoom, detail, labelled boxes drawn. */
async function legibility() {
  const c = await $id("chart-canvas");
  return {
    scale: Number(await c.getAttribute("data-view-scale")),
    legible: Number(await c.getAttribute("data-legible-scale")),
    detail: await c.getAttribute("data-detail"),
    labelled: Number(await c.getAttribute("data-labelled")),
  };
}

async function waitLegible(what) {
  let last;
  await browser.waitUntil(
    async () => {
      last = await legibility();
      return last.detail === "full" && last.scale >= last.legible && last.labelled > 0;
    },
    { timeout: WAIT, timeoutMsg: `${what}: names are not legible (${JSON.stringify(last)})` },
  );
  return last;
}

async function waitForPeople(expected) {
  await browser.waitUntil(async () => (await number("metric-people")) === expected, {
    timeout: 60_000,
    timeoutMsg: `the metrics did not show ${expected} people`,
  });
}

async function importFixture(file, count) {
  const wizard = await $id("import-wizard");
  if (!(await wizard.isExisting())) await (await $id("import-open")).click();
  await wizard.waitForDisplayed({ timeout: WAIT });
  const field = await $id("import-path");
  await field.waitForEnabled({ timeout: WAIT });
  await field.clearValue();
  await field.setValue(join(FIXTURES, file));
  await (await $id("import-next")).click();
  await (await $id("import-review")).waitForExist({ timeout: WAIT });
  await (await $id("import-run")).click();
  await (await $id("import-success")).waitForExist({ timeout: 60_000 });
  await waitForPeople(count);
  await (await $id("import-close")).click();
  await (await $id("import-wizard")).waitForExist({ timeout: WAIT, reverse: true });
}

/** Screen point of the selected box, from the canvas's data attributes. */
async function selectedOnScreen() {
  const w = await selectedWorld();
  const v = await view();
  return { x: (w.x - v.x) * v.scale, y: (w.y - v.y) * v.scale };
}

async function assertSelectedInView(id, what) {
  const c = await $id("chart-canvas");
  const box = await c.getSize();
  let at;
  await browser.waitUntil(
    async () => {
      if ((await (await $id("details-name")).getAttribute("data-person-id")) !== id) return false;
      at = await selectedOnScreen();
      return at.x > 0 && at.y > 0 && at.x < box.width && at.y < box.height;
    },
    { timeout: WAIT, timeoutMsg: `${what}: ${id} is not selected in view (${JSON.stringify({ at, box })})` },
  );
}

async function screenshot(name) {
  if (process.env.ORGRAPH_SCREENSHOT !== "1") return;
  await sleep(800);
  const out = join(repo, "docs/screenshots", name);
  mkdirSync(dirname(out), { recursive: true });
  await browser.saveScreenshot(out);
}

test("a 1,300-person forest with 451 roots opens with legible names", async () => {
  if (!browser) await startApp();
  await importFixture("forest-1300.csv", 1300);
  await waitLegible("after the import");

  // On open, from disk.
  await quitApp();
  await startApp();
  await waitForPeople(1300);
  const opened = await waitLegible("on open");
  assert.ok(opened.scale >= 0.75, `opened at zoom ${opened.scale}`);
  await screenshot("chart-forest-1300.png");

  // Expand all, then Fit: still a legible zoom, not 0.01.
  await (await $id("expand-all")).click();
  await sleep(300);
  await (await $id("zoom-fit")).click();
  await waitLegible("Fit after Expand all");

  // Zoomed out past legible, the chart is a summary of teams, not slivers.
  for (let i = 0; i < 5; i++) await (await $id("zoom-out")).click();
  await browser.waitUntil(async () => (await legibility()).detail === "summary", {
    timeout: WAIT,
    timeoutMsg: "no summary below the legible zoom",
  });
  await screenshot("chart-forest-summary.png");
  await (await $id("zoom-fit")).click();
  await waitLegible("Fit again");

  // Hovering a box shows the person's name and title.
  const forest = people("forest-1300.csv");
  await selectViaSearch("E00001");
  await (await $id("search-input")).clearValue();
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  const at = await selectedOnScreen();
  await pointer("chart-canvas", [{ type: "pointermove", x: at.x, y: at.y }]);
  const card = await $id("chart-tooltip");
  await card.waitForDisplayed({ timeout: WAIT });
  const shown = await text("chart-tooltip");
  const ceo = forest.get("E00001");
  assert.ok(shown.includes(ceo.name) && shown.includes(ceo.title), `hover card: ${shown}`);
});

test("a ten-layer org opens on legible top layers, and the selection follows a move", async () => {
  if (!browser) await startApp();
  await importFixture("deep-1500.csv", 1500);
  await waitLegible("after the import");
  await quitApp();
  await startApp();
  await waitForPeople(1500);
  await waitLegible("on open");
  await screenshot("chart-deep-1500.png");

  // A person on the tenth layer, hidden on open: search reveals them.
  const deep = people("deep-1500.csv");
  const leaf = "D01500";
  const oldManager = deep.get(leaf).manager;
  await selectViaSearch(leaf);
  await assertSelectedInView(leaf, "found by search");

  // Change manager to the first layer-one manager, far up and left: the
  // chart follows them and they stay selected.
  await chooseInPicker("D00002");
  await browser.waitUntil(async () => (await managerId()) === "D00002", { timeout: WAIT, timeoutMsg: "not moved" });
  await assertSelectedInView(leaf, "after Change manager");
  await waitLegible("after the move");

  // Undo: back deep down, still selected and in view.
  await (await $id("undo-button")).click();
  await browser.waitUntil(async () => (await managerId()) === oldManager, { timeout: WAIT, timeoutMsg: "not undone" });
  await assertSelectedInView(leaf, "after undo");
  await (await $id("redo-button")).click();
  await browser.waitUntil(async () => (await managerId()) === "D00002", { timeout: WAIT, timeoutMsg: "not redone" });
  await assertSelectedInView(leaf, "after redo");

  // Dragging onto a colleague (another report of D00002): the hint names
  // the target.
  await selectViaSearch("D00002");
  const colleague = (await reports()).find((r) => r.id !== leaf)?.id;
  assert.ok(colleague, "D00002 has another report");
  await selectViaSearch(colleague);
  const targetWorld = await selectedWorld();
  await selectViaSearch(leaf);
  await (await $id("search-input")).clearValue();
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await sleep(200);
  const start = await selectedOnScreen();
  const v = await view();
  const to = { x: (targetWorld.x - v.x) * v.scale, y: (targetWorld.y - v.y) * v.scale };
  const size = await (await $id("chart-canvas")).getSize();
  assert.ok(to.x > 0 && to.y > 0 && to.x < size.width && to.y < size.height, `target on screen: ${JSON.stringify(to)}`);
  await pointer("chart-canvas", [
    { type: "pointerdown", x: start.x, y: start.y },
    { type: "pointermove", x: start.x + 12, y: start.y + 12 },
    { type: "pointermove", x: to.x, y: to.y },
  ]);
  await (await $id("drag-hint")).waitForDisplayed({ timeout: WAIT });
  const hint = await text("drag-hint");
  assert.equal(hint, `Move ${deep.get(leaf).name} under ${deep.get(colleague).name}.`);
  await pointer("chart-canvas", [{ type: "pointerup", x: to.x, y: to.y }]);
  await browser.waitUntil(async () => (await managerId()) === colleague, { timeout: WAIT, timeoutMsg: "drop did not move" });
  await assertSelectedInView(leaf, "after the drag");

  // A drag held at the chart's left edge scrolls the chart.
  const grip = await selectedOnScreen();
  const before = await view();
  await pointer("chart-canvas", [
    { type: "pointerdown", x: grip.x, y: grip.y },
    { type: "pointermove", x: grip.x + 12, y: grip.y + 12 },
    { type: "pointermove", x: 4, y: grip.y },
  ]);
  await browser.waitUntil(async () => (await view()).x < before.x - 50, {
    timeout: WAIT,
    timeoutMsg: "holding a drag at the edge did not scroll the chart",
  });
  await pointer("chart-canvas", [{ type: "pointercancel", x: 4, y: grip.y }]);
  assert.equal(await managerId(), colleague, "a cancelled drag moves no one");
});

// End-to-end test of the People tab in the real app: filtering to a person,
// inline edits seen in the details panel, a refused cost, adding an open req,
// removing someone after confirming, and undo bringing them back. The steps
// run in order and share one workspace.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { Key } from "webdriverio";
import { $id, browser, number, repo, sleep, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

const NEW_TITLE = "Principal Wrangler";
const REQ_TITLE = "Chief Test Pilot";
let x; // the person edited, then removed
let xName;
let peopleBefore; // everyone in the table
let activeBefore; // the metrics' head count (active people only)

const row = (id) => browser.$(`[data-testid="people-row"][data-person-id="${id}"]`);
const cell = (id, column) => browser.$(`[data-testid="people-row"][data-person-id="${id}"] [data-testid="people-cell-${column}"]`);

async function cellText(id, column) {
  const el = await cell(id, column);
  await el.waitForExist({ timeout: WAIT });
  return String(await el.getProperty("textContent")).replace(/\s+/g, " ").trim();
}

async function rowIds() {
  const rows = await browser.$$('[data-testid="people-row"]');
  const ids = [];
  for (const r of rows) ids.push(await r.getAttribute("data-person-id"));
  return ids;
}

async function total() {
  return Number(await (await $id("people-grid")).getAttribute("data-total"));
}

async function waitFor(what, expected, read) {
  await browser.waitUntil(async () => (await read()) === expected, {
    timeout: WAIT,
    timeoutMsg: `${what} should be ${expected}, is ${await read()}`,
  });
}

async function filterTo(query) {
  const input = await $id("people-filter");
  await input.click();
  await input.clearValue();
  if (query !== "") await input.setValue(query);
}

async function waitForSelected(id) {
  await browser.waitUntil(async () => (await (await $id("details-name")).getAttribute("data-person-id")) === id, {
    timeout: WAIT,
    timeoutMsg: `${id} is not selected`,
  });
}

/** Opens the inline editor of a cell, types `value` and presses Enter. */
async function editCell(id, column, value) {
  await (await cell(id, column)).doubleClick();
  const editor = await $id("people-editor");
  await editor.waitForDisplayed({ timeout: WAIT });
  // The editor opens focused with its text selected: typing replaces it.
  // (WebDriver's clear would blur the editor, which saves it.)
  await browser.waitUntil(() => browser.execute(() => document.activeElement?.dataset.testid === "people-editor"), {
    timeout: WAIT,
    timeoutMsg: "the editor has no focus",
  });
  await browser.keys([Key.Ctrl, "a"]);
  await browser.keys(value);
  await browser.keys(["Enter"]);
}

test("the People tab lists, filters, edits, adds and removes people, and undo brings them back", async () => {
  await startApp();
  activeBefore = await number("metric-people");

  await (await $id("tab-people")).click();
  const grid = await $id("people-grid");
  await grid.waitForDisplayed({ timeout: WAIT });
  peopleBefore = await total();
  assert.ok(peopleBefore >= activeBefore, "everyone is listed, open reqs too");
  assert.equal(Number(await grid.getAttribute("data-rows")), peopleBefore);
  // Virtualised: far fewer rows in the DOM than people.
  const drawn = await rowIds();
  assert.ok(drawn.length > 5 && drawn.length < peopleBefore, `${drawn.length} rows drawn of ${peopleBefore}`);

  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    await sleep(500);
    const out = join(repo, "docs/screenshots/people.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
  }

  // Sorting by cost, descending: the header says so and the costs fall.
  await (await $id("people-sort-cost")).click();
  await (await $id("people-sort-cost")).click();
  const costHeader = await (await $id("people-sort-cost")).parentElement();
  assert.equal(await costHeader.getAttribute("aria-sort"), "descending");
  const [top, second] = await rowIds();
  const amount = async (id) => Number((await cellText(id, "cost")).replace(/,/g, ""));
  assert.ok((await amount(top)) >= (await amount(second)), "costs descend");

  // Filter to an active person below the top of the org.
  for (const id of drawn.slice(1)) {
    if ((await cellText(id, "status")) === "Active" && (await cellText(id, "manager")) !== "") {
      x = id;
      break;
    }
  }
  assert.ok(x, "an active person with a manager is in view");
  xName = await cellText(x, "name");
  await filterTo(xName);
  await (await row(x)).waitForExist({ timeout: WAIT });
  assert.ok((await rowIds()).length >= 1);
  assert.match(await text("people-count"), /of/);

  // Selecting the row selects them app-wide; an edited title shows in the details.
  await (await cell(x, "name")).click();
  await waitForSelected(x);
  await editCell(x, "title", NEW_TITLE);
  await browser.waitUntil(async () => (await text("details-title")) === NEW_TITLE, {
    timeout: WAIT,
    timeoutMsg: "the details panel does not show the new title",
  });
  assert.equal(await cellText(x, "title"), NEW_TITLE);

  // A bad cost is refused, by code, with a clear message; nothing changes.
  const costBefore = await cellText(x, "cost");
  await editCell(x, "cost", "12,5x");
  const error = await $id("people-error");
  await error.waitForDisplayed({ timeout: WAIT, timeoutMsg: "no message for a bad cost" });
  assert.equal(await error.getAttribute("data-code"), "invalid-input");
  assert.match(await error.getText(), /12,5x.*isn't an amount/);
  await browser.keys(["Escape"]);
  await (await $id("people-editor")).waitForExist({ reverse: true, timeout: WAIT });
  assert.equal(await cellText(x, "cost"), costBefore);

  // Add an open req under them (the selected person is the default manager).
  await (await $id("people-add")).click();
  await (await $id("add-person-dialog")).waitForDisplayed({ timeout: WAIT });
  assert.equal(await (await $id("add-person-manager-value")).getAttribute("data-person-id"), x);
  assert.equal(await (await $id("add-person-status")).getValue(), "open");
  await (await $id("add-person-title")).setValue(REQ_TITLE);
  await (await $id("add-person-level")).setValue("L6");
  await browser.execute(() => {
    const date = document.querySelector('[data-testid="add-person-date"]');
    date.value = "2027-03-01";
    date.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await (await $id("add-person-cost")).setValue("150000");
  await (await $id("add-person-submit")).click();
  await (await $id("add-person-dialog")).waitForExist({ reverse: true, timeout: WAIT });
  await waitFor("people in the table", peopleBefore + 1, total);
  assert.equal(await number("metric-people"), activeBefore, "an open req is not head count");
  await filterTo(REQ_TITLE);
  await browser.waitUntil(async () => (await rowIds()).length === 1, { timeout: WAIT, timeoutMsg: "the req is not in the table" });
  const [req] = await rowIds();
  assert.match(req, /^REQ-\d+$/, "the core gave the req an id");
  assert.equal(await cellText(req, "status"), "Open req · 2027-03-01");
  assert.equal(await cellText(req, "manager"), xName);
  assert.equal(await cellText(req, "cost"), "150,000");
  await waitForSelected(req);

  // Removing asks first: Cancel keeps them, Delete on the row then Remove takes them away.
  await filterTo(xName);
  await (await cell(x, "name")).click();
  await waitForSelected(x);
  await browser.keys(["Delete"]);
  await (await $id("remove-person-dialog")).waitForDisplayed({ timeout: WAIT });
  assert.match(await text("remove-person-dialog"), /direct (report moves|reports move) up/);
  await (await $id("remove-person-cancel")).click();
  await (await $id("remove-person-dialog")).waitForExist({ reverse: true, timeout: WAIT });
  assert.ok(await (await row(x)).isExisting(), "cancel keeps them");
  await (await $id("people-remove")).click();
  await (await $id("remove-person-confirm")).click();
  await (await row(x)).waitForExist({ reverse: true, timeout: WAIT, timeoutMsg: "they are still in the table" });
  await waitFor("people in the table", peopleBefore, total);
  await waitFor("the metrics' head count", activeBefore - 1, () => number("metric-people"));

  // Undo (Ctrl+Z, with no text field focused) brings them back, title and all.
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await browser.action("key").down(Key.Ctrl).down("z").up("z").up(Key.Ctrl).perform();
  await (await row(x)).waitForExist({ timeout: WAIT, timeoutMsg: "undo did not bring them back" });
  assert.equal(await cellText(x, "title"), NEW_TITLE);
  await waitFor("people in the table", peopleBefore + 1, total);
  await waitFor("the metrics' head count", activeBefore, () => number("metric-people"));

  // Show on chart: back on the Chart tab with them selected.
  await (await cell(x, "name")).click();
  await waitForSelected(x);
  await (await $id("people-show-on-chart")).click();
  await (await $id("people-view")).waitForExist({ reverse: true, timeout: WAIT });
  assert.equal(await (await $id("tab-chart")).getAttribute("aria-selected"), "true");
  await waitForSelected(x);
});

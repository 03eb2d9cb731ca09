// End-to-end test of "Not in file" placeholders in the chart (issue 23):
// a file whose people name two managers it does not contain
// (tests/fixtures/placeholders/two-absent-managers.csv: "E900" with four
// reports, "Dana Whitfield" with two) is imported through the wizard; the
// chart draws one placeholder per absent manager over their reports, whose
// hover card says who it stands for; a click on one selects nobody; and
// the metrics count people only. With ORGRAPH_SCREENSHOT=1 it writes
// docs/screenshots/chart-placeholders.png. See harness.mjs for how the app
// is driven.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, number, repo, selectViaSearch, sleep, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

const FIXTURE = join(repo, "tests/fixtures/placeholders/two-absent-managers.csv");

async function importFile(path, people) {
  await (await $id("import-open")).click();
  await (await $id("import-wizard")).waitForDisplayed({ timeout: WAIT });
  const field = await $id("import-path");
  await field.waitForEnabled({ timeout: WAIT });
  await field.setValue(path);
  await (await $id("import-next")).click();
  await (await $id("import-review")).waitForExist({ timeout: WAIT });
  await (await $id("import-run")).click();
  await (await $id("import-success")).waitForExist({ timeout: 60_000 });
  await browser.waitUntil(async () => (await number("metric-people")) === people, {
    timeout: WAIT,
    timeoutMsg: `the metrics did not show ${people} people`,
  });
  await (await $id("import-close")).click();
  await (await $id("import-wizard")).waitForExist({ timeout: WAIT, reverse: true });
}

/** With ORGRAPH_SCREENSHOT=1, saves the window as docs/screenshots/NAME. */
async function screenshot(name) {
  if (process.env.ORGRAPH_SCREENSHOT !== "1") return;
  await sleep(800); // let the canvas repaint before capturing
  const out = join(repo, "docs/screenshots", name);
  mkdirSync(dirname(out), { recursive: true });
  await browser.saveScreenshot(out);
}

/** Each placeholder the chart lists: reference, description, world centre. */
async function placeholders() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="chart-placeholders"] li')].map((li) => ({
      reference: li.getAttribute("data-reference"),
      description: li.textContent.trim(),
      x: Number(li.getAttribute("data-x")),
      y: Number(li.getAttribute("data-y")),
    })),
  );
}

/** A world point's place on the canvas, from its data-view-* attributes. */
async function onScreen(world) {
  const c = await $id("chart-canvas");
  const x = Number(await c.getAttribute("data-view-x"));
  const y = Number(await c.getAttribute("data-view-y"));
  const scale = Number(await c.getAttribute("data-view-scale"));
  return { x: (world.x - x) * scale, y: (world.y - y) * scale };
}

/** Dispatches pointer events on the chart canvas at canvas-local points. */
async function pointer(steps) {
  await browser.execute((steps) => {
    const el = document.querySelector('[data-testid="chart-canvas"]');
    const r = el.getBoundingClientRect();
    for (const s of steps) {
      el.dispatchEvent(
        new PointerEvent(s.type, {
          bubbles: true,
          cancelable: true,
          composed: true,
          pointerId: 9,
          pointerType: "mouse",
          isPrimary: true,
          button: 0,
          buttons: s.type === "pointerup" ? 0 : 1,
          clientX: r.left + s.x,
          clientY: r.top + s.y,
        }),
      );
    }
  }, steps);
}

test("managers not in the file are placeholders over their reports, never people", async () => {
  await startApp();
  await importFile(FIXTURE, 12);

  // The metrics count the twelve people: no placeholder is a person, a
  // manager or a layer.
  assert.equal(await number("metric-people"), 12);
  assert.equal(await number("metric-managers"), 3);
  assert.equal(await number("metric-layers"), 3);

  let shown = [];
  await browser.waitUntil(async () => (shown = await placeholders()).length === 2, {
    timeout: WAIT,
    timeoutMsg: `the chart did not list two placeholders: ${JSON.stringify(shown)}`,
  });
  assert.deepEqual(
    shown.map((p) => p.reference),
    ["E900", "Dana Whitfield"],
  );
  const e900 = shown[0];
  const expected = "Not in file: E900 — 4 people report to this manager, who is not in the imported file";
  assert.equal(e900.description, expected);

  // Hovering the placeholder box explains it.
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  const at = await onScreen(e900);
  await pointer([{ type: "pointermove", x: at.x, y: at.y }]);
  const card = await $id("chart-tooltip");
  await card.waitForDisplayed({ timeout: WAIT });
  assert.equal(await card.getAttribute("data-placeholder"), "true");
  assert.equal(await text("chart-tooltip"), expected);
  await screenshot("chart-placeholders.png");

  // A click on it selects no one: like a click on the background, it
  // clears the selection (the person selected before is no longer).
  await selectViaSearch("P3");
  const canvas = await $id("chart-canvas");
  await browser.waitUntil(async () => (await canvas.getAttribute("data-selected-x")) !== null, {
    timeout: WAIT,
    timeoutMsg: "P3 was not selected",
  });
  const again = await onScreen(e900);
  await pointer([
    { type: "pointerdown", x: again.x, y: again.y },
    { type: "pointerup", x: again.x, y: again.y },
  ]);
  await browser.waitUntil(async () => (await canvas.getAttribute("data-selected-x")) === null, {
    timeout: WAIT,
    timeoutMsg: "a click on a placeholder left a selection",
  });
  assert.equal(await number("metric-people"), 12, "the People metric is unchanged");
});

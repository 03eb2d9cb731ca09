// End-to-end test of the Staff+ tab in the real app: the board and the
// coverage matrix, a placement change through the card's "Move to…" select,
// a support assignment by toggling a matrix cell, the what-if preview and
// back, undoing both edits, "every staff+ central" with and without
// "Keep supporting their current team", and saving a preview as a scenario.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, number, repo, sleep, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

/** "central · embedded · unplaced" as three numbers. */
async function placements() {
  const [central, embedded, unplaced] = (await text("sp-placements")).split("·").map((s) => Number(s.trim()));
  return { central, embedded, unplaced };
}

/** Sets a text field and fires `input` (WebDriver's clear does not, in WebKit). */
async function setField(testid, value) {
  await browser.execute(
    (id, v) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    },
    testid,
    value,
  );
}

/**
 * Drags the first element matching `from` onto the first matching `onto`.
 * WebDriver cannot drive native drag and drop, so the DOM events are
 * dispatched as WebKit would.
 */
async function drag(from, onto) {
  await browser.execute(
    async (fromSelector, ontoSelector) => {
      const source = document.querySelector(fromSelector);
      const data = new DataTransfer();
      const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      fire(source, "dragstart");
      // Some targets only appear while a card is dragged.
      await new Promise((ok) => setTimeout(ok, 100));
      const target = document.querySelector(ontoSelector);
      fire(target, "dragenter");
      fire(target, "dragover");
      fire(target, "drop");
      fire(source, "dragend");
    },
    from,
    onto,
  );
}

async function waitFor(what, check) {
  await browser.waitUntil(check, { timeout: WAIT, timeoutMsg: what });
}

test("the Staff+ tab places engineers, assigns support, previews what-ifs and undoes", async () => {
  await startApp();
  await browser.execute(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective));
  });
  await (await $id("tab-staffplus")).click();
  await (await $id("staffplus-view")).waitForDisplayed({ timeout: WAIT });
  await (await $id("sp-card")).waitForExist({ timeout: WAIT });
  await (await $id("sp-cell")).waitForExist({ timeout: WAIT });

  // The board: the demo org has central and embedded staff+ engineers.
  const before = await placements();
  const staffPlus = await number("sp-staff-plus");
  assert.ok(before.central > 0 && before.embedded > 0, `demo placements ${JSON.stringify(before)}`);
  assert.equal(before.central + before.embedded + before.unplaced, staffPlus);
  const centralCards = await browser.$$('[data-testid="sp-column-central"] [data-testid="sp-card"]');
  assert.ok(centralCards.length > 0, "central cards are drawn");
  const uncoveredBefore = await number("sp-uncovered");

  // Keyboard path: an embedded engineer's "Move to…" → the architecture group.
  const card = await browser.$('[data-testid="sp-column-embedded"] [data-testid="sp-card"]');
  const moved = await card.getAttribute("data-id");
  const select = await card.$('[data-testid="sp-move"]');
  const options = await select.$$("option");
  let central = null;
  for (const option of options) {
    if ((await option.getProperty("textContent")).startsWith("Central:")) {
      central = await option.getAttribute("value");
      break;
    }
  }
  assert.ok(central, "the select offers the architecture group");
  await select.selectByAttribute("value", central);
  await waitFor("the engineer becomes central", async () => {
    const now = await placements();
    return now.central === before.central + 1 && now.embedded === before.embedded - 1;
  });
  assert.equal(await (await $id("undo-button")).isEnabled(), true, "the placement is undoable");
  assert.match(await text("announcement"), /is now central/);
  // The card now sits in the central column, in the architecture group.
  await waitFor("the card moved column", async () =>
    (await browser.$(`[data-testid="sp-column-embedded"] [data-testid="sp-card"][data-id="${moved}"]`).isExisting()) === false,
  );

  // Matrix: only the uncovered teams, then assign support by toggling a cell.
  const uncovered = await number("sp-uncovered");
  await (await $id("sp-uncovered-only")).click();
  let rowsShown = await browser.$$('[data-testid="sp-row"]');
  if (uncovered > 0) {
    assert.ok(rowsShown.length > 0, "uncovered teams are listed");
    for (const row of rowsShown) assert.equal(await row.getAttribute("data-covered"), "false");
  } else {
    // Nothing uncovered: untick and assign an extra supporter instead.
    await (await $id("sp-uncovered-only")).click();
    rowsShown = await browser.$$('[data-testid="sp-row"]');
  }
  const cell = await browser.$('[data-testid="sp-cell"][data-kind="none"]');
  const team = await cell.getAttribute("data-team");
  const engineer = await cell.getAttribute("data-engineer");
  await cell.click();
  if (uncovered > 0) {
    await waitFor("the team becomes covered", async () => (await number("sp-uncovered")) === uncovered - 1);
  }
  if (uncovered > 0) await (await $id("sp-uncovered-only")).click();
  await setField("sp-team-filter", team);
  await waitFor("the cell shows the assignment", async () => {
    const now = await browser.$(`[data-testid="sp-cell"][data-team="${team}"][data-engineer="${engineer}"]`);
    return (await now.isExisting()) && (await now.getAttribute("data-kind")) === "assigned";
  });
  await setField("sp-team-filter", "");
  await waitFor("every team is listed again", async () => (await browser.$$('[data-testid="sp-row"]')).length > 1);
  const afterEdits = await placements();
  const uncoveredAfterEdits = await number("sp-uncovered");

  // What-if: every staff+ central is a labelled preview, and nothing is saved.
  await (await $id("whatif-all-central")).click();
  await (await $id("sp-preview-banner")).waitForDisplayed({ timeout: WAIT });
  await waitFor("everyone is central in the preview", async () => {
    const now = await placements();
    return now.central === staffPlus && now.embedded === 0 && now.unplaced === 0;
  });
  assert.match(await text("sp-preview-banner"), /Preview — not saved/);
  assert.equal(await browser.$('[data-testid="sp-move"]').isExisting(), false, "a preview cannot be edited");
  await (await $id("whatif-as-is")).click();
  await waitFor("back to the placement as it is", async () => {
    const now = await placements();
    return now.central === afterEdits.central && now.embedded === afterEdits.embedded;
  });
  assert.equal(await (await $id("sp-preview-banner")).isExisting(), false);
  assert.equal(await number("sp-uncovered"), uncoveredAfterEdits);

  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    // Summary, board and the top of the matrix in one picture.
    await browser.execute(() => document.getElementById("view-panel")?.scrollTo(0, 120));
    await sleep(500);
    const out = join(repo, "docs/screenshots/staffplus.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
  }

  // Undo the support assignment, then the placement.
  await (await $id("undo-button")).click();
  await waitFor("the assignment is undone", async () => (await number("sp-uncovered")) === uncovered);
  await (await $id("undo-button")).click();
  await waitFor("the placement is undone", async () => {
    const now = await placements();
    return now.central === before.central && now.embedded === before.embedded;
  });
  assert.equal(await number("sp-uncovered"), uncoveredBefore);

  // Every staff+ central keeps each engineer supporting their current team
  // by default: coverage as it is, and both outcomes side by side.
  const ratioAsIs = await text("sp-ratio");
  await (await $id("whatif-all-central")).click();
  await (await $id("sp-preview-banner")).waitForDisplayed({ timeout: WAIT });
  const keep = await $id("sp-keep-home-support");
  await keep.waitForDisplayed({ timeout: WAIT });
  assert.equal(await keep.isSelected(), true, "on by default");
  assert.equal(await (await $id("whatif-all-central")).getAttribute("aria-checked"), "true");
  await waitFor("everyone is central, still supporting their team", async () => (await placements()).central === staffPlus);
  assert.equal(await text("sp-ratio"), ratioAsIs, "coverage does not change");
  const kept = await browser.$('[data-testid="sp-outcome-kept"] [data-testid="sp-outcome-ratio"]');
  const dropped = await browser.$('[data-testid="sp-outcome-dropped"] [data-testid="sp-outcome-ratio"]');
  const keptRatio = (await kept.getText()).trim();
  const droppedRatio = (await dropped.getText()).trim();
  assert.equal(keptRatio, ratioAsIs);
  assert.notEqual(droppedRatio, keptRatio, "the demo's embedded engineers are some teams' only support");
  assert.equal(await text("sp-home-support-line"), `keeping their teams: ${keptRatio} covered · dropping them: ${droppedRatio}`);
  assert.equal(await (await $id("sp-outcome-kept")).getAttribute("aria-current"), "true");

  // Unticked (keyboard: the checkbox is focusable and Space toggles it),
  // the preview is the other outcome, and that is what is saved.
  await browser.execute(() => document.querySelector('[data-testid="sp-keep-home-support"]').focus());
  await browser.keys(" ");
  await waitFor("the preview drops home support", async () => (await text("sp-ratio")) === droppedRatio);
  assert.equal(await (await $id("sp-keep-home-support")).isSelected(), false);
  assert.equal(await (await $id("sp-outcome-dropped")).getAttribute("aria-current"), "true");
  const previewedCovered = await text("sp-covered");

  // Save a preview as a scenario: it is then on show, as it is.
  await setField("sp-save-name", "centralised");
  await (await $id("sp-save")).click();
  await waitFor("the saved scenario is on show", async () =>
    (await (await $id("scenario-select")).getAttribute("data-current")) === "centralised",
  );
  await waitFor("its board is everyone central, as it is", async () => {
    const now = await placements();
    return now.central === staffPlus && !(await (await $id("sp-preview-banner")).isExisting());
  });
  assert.equal(await (await $id("whatif-as-is")).getAttribute("aria-checked"), "true");
  assert.equal(await text("sp-ratio"), droppedRatio, "the saved coverage is the previewed one");
  assert.equal(await text("sp-covered"), previewedCovered);

  // Draw a support assignment: drag a card onto an uncovered team's row.
  const uncoveredSaved = await number("sp-uncovered");
  assert.ok(uncoveredSaved > 0, "centralising leaves teams uncovered");
  await (await $id("sp-uncovered-only")).click();
  const target = await (await $id("sp-row")).getAttribute("data-team");
  await drag('[data-testid="sp-column-central"] [data-testid="sp-card"]', `[data-testid="sp-row"][data-team="${target}"]`);
  await waitFor("the dropped-on team is covered", async () => (await number("sp-uncovered")) === uncoveredSaved - 1);
  assert.match(await text("announcement"), /now supports/);
  await (await $id("undo-button")).click();
  await waitFor("the drawn assignment is undone", async () => (await number("sp-uncovered")) === uncoveredSaved);

  // Drag a card onto the Unplaced group: the engineer has no home team.
  await drag('[data-testid="sp-column-central"] [data-testid="sp-card"]', '[data-testid="sp-column-unplaced"] [data-testid="sp-group"]');
  await waitFor("the engineer is unplaced", async () => (await placements()).unplaced === 1);
  await (await $id("undo-button")).click();
  await waitFor("the placement is undone", async () => (await placements()).central === staffPlus);

  // Drag a card onto a team row's "embed here": the engineer is embedded there.
  await drag('[data-testid="sp-column-central"] [data-testid="sp-card"]', `[data-testid="sp-row"][data-team="${target}"] [data-testid="sp-row-embed"]`);
  await waitFor("the engineer is embedded", async () => (await placements()).embedded === 1);
  await waitFor("and their new home team is covered", async () => (await number("sp-uncovered")) === uncoveredSaved - 1);
  await (await $id("undo-button")).click();
  await waitFor("the embedding is undone", async () => (await placements()).central === staffPlus);
  assert.deepEqual(await browser.execute(() => window.__cspViolations), [], "no CSP violation");
});

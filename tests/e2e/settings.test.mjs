// End-to-end test of settings that belong to the workspace: with a scenario
// on show, the Settings dialog applies a new span band to the workspace by
// default (every scenario follows, so Compare shows no "in band" delta
// between the baseline and the scenario, and the scenario's change list
// stays empty); "In this scenario only" records it in the scenario, and
// Compare then shows the delta, marked as the settings' doing. Such an
// override pins only the setting changed: a later workspace max load still
// reaches the scenario, and the dialog marks the band alone as its own.
// The tests run in order and share one workspace.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { $id, browser, orgraph, repo, showScenario, startApp, text, useApp, WAIT, workspace } from "./harness.mjs";

useApp();

const SCENARIO = "plan";

/** Opens Settings, sets the span band, picks where it applies, saves. */
async function saveBand(min, max, scope) {
  await (await $id("tab-chart")).click();
  await (await $id("settings-open")).click();
  const bandMin = await $id("settings-bandMin");
  await bandMin.waitForDisplayed({ timeout: WAIT });
  const workspaceChoice = await $id("settings-scope-workspace");
  await workspaceChoice.waitForExist({ timeout: WAIT });
  assert.equal(await workspaceChoice.isSelected(), true, "the workspace is the default");
  if (scope === "scenario") await (await $id("settings-scope-scenario")).click();
  await browser.waitUntil(async () => (await bandMin.getValue()) !== "", { timeout: WAIT });
  await bandMin.clearValue();
  await bandMin.setValue(String(min));
  const bandMax = await $id("settings-bandMax");
  await bandMax.clearValue();
  await bandMax.setValue(String(max));
  await (await $id("settings-save")).click();
  await (await $id("settings-dialog")).waitForExist({ reverse: true, timeout: WAIT });
  await browser.waitUntil(async () => (await text("metric-band")) === `${min}–${max}`, {
    timeout: WAIT,
    timeoutMsg: "the metrics' band did not follow the settings",
  });
}

const inBandCell = (scenario) => `[data-testid="compare-cell"][data-metric="band_in_band"][data-scenario="${scenario}"]`;

/** Shows Compare (the baseline against the scenario on show) and waits for its table. */
async function showCompare() {
  await (await $id("tab-compare")).click();
  const cell = await browser.$(inBandCell(SCENARIO));
  await cell.waitForExist({ timeout: WAIT, timeoutMsg: "Compare shows no column for the scenario" });
  return cell;
}

test("a band saved with the default choice is the workspace's: no delta in Compare", async () => {
  const csv = join(workspace, "..", "org.csv");
  orgraph("generate", "--people", "150", "--seed", "3", "--output", csv);
  orgraph("import", csv, "--into", workspace);
  orgraph("scenario", "create", SCENARIO, "--workspace", workspace);
  await startApp();
  await showScenario(SCENARIO);

  await saveBand(1, 2, "workspace");
  assert.equal(await (await $id("undo-button")).isEnabled(), false, "no change was recorded in the scenario");

  const cell = await showCompare();
  await browser.waitUntil(async () => (await cell.$('[data-testid="compare-delta"]').isExisting()) === false, {
    timeout: WAIT,
    timeoutMsg: "Compare shows an in-band delta though nobody moved",
  });
  assert.equal(await cell.$('[data-testid="compare-by-settings"]').isExisting(), false);
  assert.equal((await browser.$$('[data-testid="compare-settings-note"]')).length, 0);
  const baseline = await browser.$(inBandCell("baseline"));
  assert.equal(await baseline.$(".value").getText(), await cell.$(".value").getText());
});

test("a band saved in this scenario only shows in Compare as a marked delta", async () => {
  await saveBand(5, 8, "scenario");
  assert.equal(await (await $id("undo-button")).isEnabled(), true, "the scenario's change can be undone");

  const cell = await showCompare();
  const delta = cell.$('[data-testid="compare-delta"]');
  await delta.waitForExist({ timeout: WAIT, timeoutMsg: "no in-band delta for the scenario's own band" });
  assert.equal(await cell.$('[data-testid="compare-by-settings"]').isExisting(), true, "the delta is marked");
  const note = await browser.$(`[data-testid="compare-settings-note"][data-scenario="${SCENARIO}"]`);
  await note.waitForExist({ timeout: WAIT });
  assert.match(await text("compare-settings-note"), /span band 5-8 \(baseline 1-2\)/);
});

/** Opens Settings on the chart tab and waits for its fields to be filled. */
async function openSettings() {
  await (await $id("tab-chart")).click();
  await (await $id("settings-open")).click();
  const bandMin = await $id("settings-bandMin");
  await bandMin.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => (await bandMin.getValue()) !== "", { timeout: WAIT });
}

test("overriding the band leaves the other settings following the workspace", async () => {
  await openSettings();
  const maxLoad = await $id("settings-maxLoad");
  await maxLoad.clearValue();
  await maxLoad.setValue("6");
  await (await $id("settings-save")).click();
  await (await $id("settings-dialog")).waitForExist({ reverse: true, timeout: WAIT });
  await browser.waitUntil(async () => (await text("metric-band")) === "5–8", {
    timeout: WAIT,
    timeoutMsg: "the scenario lost its own band to a workspace max-load change",
  });

  await openSettings();
  assert.equal(await (await $id("settings-maxLoad")).getValue(), "6", "the max load follows the workspace");
  assert.equal(await (await $id("settings-bandMin")).getValue(), "5", "the band stays the scenario's");
  for (const key of ["bandMin", "bandMax"]) {
    assert.equal(await (await $id(`settings-own-${key}`)).isExisting(), true, `${key} is marked as the scenario's own`);
  }
  for (const key of ["maxLoad", "teamMin", "teamMax"]) {
    assert.equal(await (await $id(`settings-own-${key}`)).isExisting(), false, `${key} is the workspace's`);
  }
  assert.match(await text("settings-help"), /keeps the span band it set for itself/);
  await browser.keys("Escape");
  await (await $id("settings-dialog")).waitForExist({ reverse: true, timeout: WAIT });

  await showCompare();
  const note = await browser.$(`[data-testid="compare-settings-note"][data-scenario="${SCENARIO}"]`);
  await note.waitForExist({ timeout: WAIT });
  const said = await note.getText();
  assert.match(said, /span band 5-8 \(baseline 1-2\)/);
  assert.doesNotMatch(said, /max load/, "the max load is the same in both");
});

// End-to-end test of the Teams view and the Settings dialog in the real app:
// create a team, rename it, change its kind, move a member into it and see
// its size, change the span band in Settings and see the metrics follow,
// dissolve the team, and undo the dissolution.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, repo, sleep, startApp, text, useApp, WAIT, waitForMetrics } from "./harness.mjs";

useApp();

const NAME = "E2E Squad";
const RENAMED = "E2E Crew";

/** Shows only teams matching `query`, so the virtualised list renders them. */
async function filterTeams(query) {
  // clearValue fires no input event in WebKit, so an empty filter is typed
  // as a blank (the filter ignores surrounding spaces).
  await (await $id("team-filter")).setValue(query || " ");
}

/** The row of the team called `name` (the list must be filtered to it). */
async function rowNamed(name) {
  let found = null;
  await browser.waitUntil(
    async () => {
      for (const row of await browser.$$('[data-testid="team-row"]')) {
        const label = await row.$('[data-testid="team-name"]');
        if (String(await label.getProperty("textContent")).trim() === name) {
          found = row;
          return true;
        }
      }
      return false;
    },
    { timeout: WAIT, timeoutMsg: `no team row called ${name}` },
  );
  return found;
}

async function cellOf(row, testid) {
  return String(await (await row.$(`[data-testid="${testid}"]`)).getProperty("textContent")).trim();
}

async function waitForCell(name, testid, expected) {
  await browser.waitUntil(async () => (await cellOf(await rowNamed(name), testid)) === expected, {
    timeout: WAIT,
    timeoutMsg: `${name}: ${testid} should be ${expected}`,
  });
}

async function waitForNoRows() {
  await browser.waitUntil(async () => (await browser.$$('[data-testid="team-row"]')).length === 0, {
    timeout: WAIT,
    timeoutMsg: "the team is still listed",
  });
}

test("teams: create, rename, re-kind, move a member in, settings band, dissolve, undo", async () => {
  await startApp();
  await waitForMetrics();
  assert.equal(await text("metric-band"), "5–8");

  await (await $id("tab-teams")).click();
  await (await $id("team-row")).waitForExist({ timeout: WAIT, timeoutMsg: "no teams listed" });
  const before = await text("team-count");

  // Create.
  await (await $id("team-new-name")).setValue(NAME);
  await (await $id("team-new-kind")).selectByAttribute("value", "platform");
  await (await $id("team-new-department")).setValue("Engineering");
  await (await $id("team-create")).click();
  await filterTeams("E2E");
  const created = await rowNamed(NAME);
  assert.equal(await cellOf(created, "team-kind"), "Platform");
  assert.equal(await cellOf(created, "team-size"), "0");
  assert.equal(await cellOf(created, "team-verdict"), "Below target");
  assert.notEqual(await text("team-count"), before);
  // The new team is selected, with no members.
  await browser.waitUntil(async () => (await (await $id("team-rename-input")).getValue()) === NAME, { timeout: WAIT });
  await (await $id("team-members-empty")).waitForExist({ timeout: WAIT });

  // Rename.
  const rename = await $id("team-rename-input");
  await rename.clearValue();
  await rename.setValue(RENAMED);
  await (await $id("team-rename")).click();
  await rowNamed(RENAMED);

  // Change its kind.
  await (await $id("team-kind-select")).selectByAttribute("value", "enabling");
  await waitForCell(RENAMED, "team-kind", "Enabling");

  // Move an active member of the largest team into it.
  await filterTeams("");
  await (await $id("team-sort-members")).click();
  await (await $id("team-sort-members")).click(); // largest first
  const largest = await $id("team-row");
  const largestName = await cellOf(largest, "team-name");
  const largestSize = Number((await cellOf(largest, "team-size")).replace(/\D/g, ""));
  await largest.click();
  const member = await browser.$('[data-testid="team-member"][data-status="active"]');
  await member.waitForExist({ timeout: WAIT, timeoutMsg: `no active member in ${largestName}` });
  const moved = await member.getAttribute("data-person-id");
  await (await member.$('[data-testid="team-member-check"]')).click();
  await (await $id("move-target-search")).setValue(RENAMED);
  await browser.waitUntil(async () => (await (await $id("move-target")).getValue()) !== "", { timeout: WAIT });
  await (await $id("move-members")).click();
  await browser.waitUntil(
    async () => (await browser.$(`[data-testid="team-member"][data-person-id="${moved}"]`).isExisting()) === false,
    { timeout: WAIT, timeoutMsg: `${moved} is still listed in ${largestName}` },
  );
  await filterTeams("E2E");
  await waitForCell(RENAMED, "team-size", "1");
  await (await rowNamed(RENAMED)).click();
  await (await browser.$(`[data-testid="team-member"][data-person-id="${moved}"]`)).waitForExist({ timeout: WAIT });
  assert.equal(await text("team-detail-size"), "1");
  await filterTeams(largestName);
  await waitForCell(largestName, "team-size", String(largestSize - 1));
  await filterTeams("E2E");

  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    await filterTeams("");
    await (await $id("team-sort-name")).click();
    await sleep(500);
    const out = join(repo, "docs/screenshots/teams.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
    await filterTeams("E2E");
  }

  // Settings: an invalid band is refused with a reason; a valid one is saved.
  await (await $id("settings-open")).click();
  const bandMin = await $id("settings-bandMin");
  await bandMin.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => (await bandMin.getValue()) === "5", { timeout: WAIT });
  await bandMin.clearValue();
  await bandMin.setValue("9");
  await (await $id("settings-save")).click();
  const error = await $id("settings-error");
  await error.waitForDisplayed({ timeout: WAIT, timeoutMsg: "no refusal for min > max" });
  assert.equal(await error.getAttribute("data-code"), "invalid-input");
  assert.match(await error.getText(), /above its maximum/);
  await bandMin.clearValue();
  await bandMin.setValue("3");
  const bandMax = await $id("settings-bandMax");
  await bandMax.clearValue();
  await bandMax.setValue("6");
  await (await $id("settings-save")).click();
  await (await $id("settings-dialog")).waitForExist({ reverse: true, timeout: WAIT });
  await (await $id("tab-chart")).click();
  await browser.waitUntil(async () => (await text("metric-band")) === "3–6", {
    timeout: WAIT,
    timeoutMsg: "the metrics' band did not follow the settings",
  });

  // Dissolve (with confirmation), then undo it.
  await (await $id("tab-teams")).click();
  await filterTeams("E2E");
  await (await rowNamed(RENAMED)).click();
  await (await $id("team-dissolve")).click();
  await (await $id("team-dissolve-confirm")).click();
  await waitForNoRows();
  await (await $id("undo-button")).click();
  await waitForCell(RENAMED, "team-size", "1");
  assert.equal(await cellOf(await rowNamed(RENAMED), "team-kind"), "Enabling");
});

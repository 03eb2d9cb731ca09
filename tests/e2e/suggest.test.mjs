// End-to-end test of the two suggestions on the demo org in the real app:
// Suggest placement on the Staff+ board (preview with coverage after >
// before, save as a scenario, the scenario bar shows it, Compare opens with
// it beside the baseline), then Suggest rebalancing from the dashboard's
// span panel (preview with the lower bound, save as a scenario).

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, repo, showScenario, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

async function waitFor(what, check) {
  await browser.waitUntil(check, { timeout: WAIT, timeoutMsg: what });
}

/** The "before" and "after" cells of the preview's figure `key`, as numbers (the count before any " / total"). */
async function figure(key) {
  const cell = async (part) => {
    const el = await browser.$(`[data-testid="suggest-figure"][data-key="${key}"] [data-testid="suggest-${part}"]`);
    await el.waitForExist({ timeout: WAIT });
    return Number(String(await el.getProperty("textContent")).split("/")[0].replace(/[^\d]/g, ""));
  };
  return { before: await cell("before"), after: await cell("after") };
}

async function screenshot(name) {
  if (process.env.ORGRAPH_SCREENSHOT !== "1") return;
  const out = join(repo, `docs/screenshots/${name}`);
  mkdirSync(dirname(out), { recursive: true });
  await browser.saveScreenshot(out);
}

/** Waits for the saved scenario to be on show in the scenario bar. */
async function waitForScenario(name) {
  await waitFor(`scenario ${name} is on show`, async () => (await (await $id("scenario-select")).getAttribute("data-current")) === name);
}

test("Suggest placement previews, saves as a scenario and opens Compare", async () => {
  await startApp();
  await (await $id("tab-staffplus")).click();
  await (await $id("sp-card")).waitForExist({ timeout: WAIT });
  const open = await $id("suggest-placement-open");
  await waitFor("the action is enabled", () => open.isEnabled());
  await open.click();
  await (await $id("suggest-placement-dialog")).waitForDisplayed({ timeout: WAIT });
  await (await $id("suggest-preview")).waitForDisplayed({ timeout: WAIT });

  const covered = await figure("covered-teams");
  assert.ok(covered.after > covered.before, `coverage ${covered.before} → ${covered.after}`);
  const overloaded = await figure("overloaded");
  assert.equal(overloaded.after, 0, "nobody over the max load");
  const changes = await browser.$$('[data-testid="suggest-change"]');
  assert.ok(changes.length > 0, "the changes are listed");
  assert.notEqual((await changes[0].getText()).trim(), "", "each change says why");
  assert.equal(await (await $id("suggest-name")).getValue(), "Suggested placement");

  // Another option asks the core again: the whole org may support any team.
  await (await $id("suggest-scope-org")).click();
  await waitFor("the preview follows the option", async () => (await (await $id("suggest-preview")).getAttribute("aria-busy")) === "false");
  const widened = await figure("covered-teams");
  assert.ok(widened.after >= covered.after, "a wider scope covers at least as many teams");
  await (await $id("suggest-scope-department")).click();
  await waitFor("back to the default", async () => (await figure("covered-teams")).after === covered.after);
  await screenshot("suggest-placement.png");

  await (await $id("suggest-save")).click();
  await (await $id("suggest-saved")).waitForDisplayed({ timeout: WAIT });
  await waitForScenario("Suggested placement");
  await waitFor("the board shows the saved coverage", async () => {
    const [now] = (await text("sp-covered")).split("/");
    return Number(now.trim()) === covered.after;
  });

  await (await $id("suggest-compare")).click();
  await (await $id("compare-view")).waitForDisplayed({ timeout: WAIT });
  await waitFor("Compare shows the saved scenario beside the baseline", async () => {
    const columns = await browser.$$('[data-testid="compare-column"]');
    const names = [];
    for (const c of columns) names.push((await c.getText()).trim());
    return names.join("|") === "baseline|Suggested placement";
  });
});

test("Suggest rebalancing previews against the lower bound and saves as a scenario", async () => {
  await showScenario("baseline");
  await (await $id("tab-dashboard")).click();
  const open = await $id("suggest-spans-open");
  await open.waitForDisplayed({ timeout: WAIT });
  await open.click();
  await (await $id("suggest-spans-dialog")).waitForDisplayed({ timeout: WAIT });
  await (await $id("suggest-preview")).waitForDisplayed({ timeout: WAIT });

  const out = await figure("out-of-band");
  assert.ok(out.after < out.before, `managers out of band ${out.before} → ${out.after}`);
  const bound = Number(await (await $id("suggest-lower-bound")).getAttribute("data-bound"));
  assert.ok(bound <= out.after, `the lower bound ${bound} is at most what the suggestion leaves, ${out.after}`);
  assert.match(await text("suggest-lower-bound"), /No rebalancing with these moves can leave fewer than/);
  assert.ok(Number(await text("suggest-moved")) > 0, "people are moved");
  assert.ok((await browser.$$('[data-testid="suggest-change"]')).length > 0, "the changes are listed");
  await screenshot("suggest-spans.png");

  await (await $id("suggest-save")).click();
  await (await $id("suggest-saved")).waitForDisplayed({ timeout: WAIT });
  await waitForScenario("Suggested rebalancing");
  await (await $id("suggest-close")).click();
  await waitFor("the dialog closes", async () => !(await (await $id("suggest-spans-dialog")).isExisting()));
  await waitFor("the dashboard shows the saved scenario", async () => (await text("dash-scenario")) === "Suggested rebalancing");
});

// End-to-end test of names, not ids, and unknowns shown as unknown, on an
// org made with the CLI from a file with no cost and no department columns:
// Compare, the change list and the undo tooltip name people as
// "Name (title)"; search tells two people with the same name apart and says
// when more match; costs read "—" and "no department" is explained; the
// span histogram shades the band's own bars (22 bars, so the axis skips
// tick labels); the plan says what to do when there is nothing to plan.
// Compare marks the metrics a scenario computes with its own settings.
// The tests run in order and share one workspace.

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, orgraph, repo, showScenario, startApp, text, useApp, WAIT, workspace } from "./harness.mjs";

useApp();

/**
 * Dana Reyes (CEO) has 22 reports: Mia Park and Sam Lee, who manage six
 * each (one of them an "Alex Chen, Engineer"), and twenty advisors named
 * "Alex Rivera N". No cost, no department.
 */
function orgCsv() {
  const rows = ["id,name,title,manager_id,team", "ceo,Dana Reyes,CEO,,"];
  rows.push("m1,Mia Park,Engineering Manager,ceo,Payments", "m2,Sam Lee,Engineering Manager,ceo,Search");
  rows.push("a1,Alex Chen,Engineer,m1,Payments", "a2,Alex Chen,Engineer,m2,Search");
  for (let i = 1; i <= 5; i++) rows.push(`p${i},Pat Payments ${i},Engineer,m1,Payments`, `s${i},Sol Search ${i},Engineer,m2,Search`);
  for (let i = 1; i <= 20; i++) rows.push(`r${i},Alex Rivera ${i},Advisor,ceo,`);
  return rows.join("\n") + "\n";
}

async function texts(selector) {
  const out = [];
  for (const el of await browser.$$(selector)) out.push(String(await el.getProperty("textContent")).replace(/\s+/g, " ").trim());
  return out;
}

const MOVE = "Alex Chen (Engineer): Mia Park (Engineering Manager) → Sam Lee (Engineering Manager)";

test("Compare, the change list and the undo tooltip name people, ids beside", async () => {
  const csv = join(dirname(workspace), "org.csv");
  writeFileSync(csv, orgCsv());
  orgraph("import", csv, "--into", workspace);
  orgraph("scenario", "create", "reorg", "--workspace", workspace);
  orgraph("move", "a1", "--to", "m2", "--workspace", workspace, "--scenario", "reorg");

  await startApp();
  await showScenario("reorg");
  const undo = await $id("undo-button");
  assert.equal(await undo.getAttribute("title"), "Undo: move Alex Chen (Engineer) to Sam Lee (Engineering Manager) (Ctrl+Z)");

  await (await $id("tab-compare")).click();
  const line = await browser.$('[data-testid="diff-line"][data-kind="moved"]');
  await line.waitForExist({ timeout: WAIT });
  assert.equal(await line.getAttribute("data-person"), "a1");
  const [lineText] = await texts('[data-testid="diff-line"][data-kind="moved"] .text');
  assert.equal(lineText, MOVE);
  assert.deepEqual(await texts('[data-testid="diff-line"][data-kind="moved"] .id'), ["a1"]);

  assert.deepEqual(await texts('[data-testid="change-description"]'), [
    "move Alex Chen (Engineer) to Sam Lee (Engineering Manager)",
  ]);
  assert.deepEqual(await texts('[data-testid="change-item"] .id'), ["a1, m2"]);
  const [item] = await texts('[data-testid="change-item"]');
  assert.doesNotMatch(item, /move move/);

  // No one has a cost: the comparison's cost is unknown, not 0.
  const cost = await browser.$('[data-testid="compare-cell"][data-metric="cost"][data-scenario="reorg"] .value');
  assert.equal(String(await cost.getProperty("textContent")).trim(), "—");
});

test("search tells two people with the same name apart and says when more match", async () => {
  await (await $id("tab-chart")).click();
  const input = await $id("search-input");
  await input.click();
  await input.setValue("Alex Chen");
  await browser.waitUntil(async () => (await browser.$$('[data-testid="search-option"]')).length === 2, {
    timeout: WAIT,
    timeoutMsg: "two Alex Chens are not listed",
  });
  // On show is the reorg scenario, where a1 has moved to Sam Lee too:
  // same name, title and manager, so their teams tell them apart.
  assert.deepEqual((await texts('[data-testid="search-option-detail"]')).sort(), [
    "Engineer · Payments · reports to Sam Lee",
    "Engineer · Search · reports to Sam Lee",
  ]);
  assert.equal((await browser.$$('[data-testid="search-more"]')).length, 0);

  await input.clearValue();
  await input.setValue("alex");
  await browser.waitUntil(async () => (await browser.$$('[data-testid="search-more"]')).length === 1, {
    timeout: WAIT,
    timeoutMsg: "no note that more people match",
  });
  // Read in the page: the note is re-rendered as the count settles.
  const note = await browser.execute(() => document.querySelector('[data-testid="search-more"]')?.textContent ?? null);
  assert.equal(note?.trim(), "Showing 8 of 22 matches: type more of the name to narrow them.");
  await browser.keys(["Escape"]);

  await showScenario("baseline");
  await input.click();
  await input.clearValue();
  await input.setValue("Alex Chen");
  await browser.waitUntil(
    async () => (await texts('[data-testid="search-option-detail"]')).some((t) => t.includes("Mia Park")),
    { timeout: WAIT, timeoutMsg: "the baseline's Alex Chens do not show their managers" },
  );
  assert.deepEqual((await texts('[data-testid="search-option-detail"]')).sort(), [
    "Engineer · Payments · reports to Mia Park",
    "Engineer · Search · reports to Sam Lee",
  ]);
  await browser.keys(["Escape"]);
});

test("the span histogram shades the band's own bars among 22", async () => {
  await (await $id("tab-dashboard")).click();
  const chart = await $id("dash-span-chart");
  await chart.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => (await chart.getAttribute("data-shaded-px")) !== "", {
    timeout: WAIT,
    timeoutMsg: "the span chart shaded nothing",
  });
  assert.equal(Number(await chart.getAttribute("data-bars")), 22);
  const centres = (await chart.getAttribute("data-centres-px")).split(",").map(Number);
  const [from, to] = (await chart.getAttribute("data-shaded-px")).split(",").map(Number);
  // The default band is 5-8 reports: bars 5 to 8 (indices 4-7) and no other.
  const inside = centres.map((c, i) => (c > from && c < to ? i + 1 : null)).filter((s) => s !== null);
  assert.deepEqual(inside, [5, 6, 7, 8]);
});

test("costs no one has read — and the no-department row is explained", async () => {
  await (await $id("group-department")).click();
  const note = await $id("breakdown-unnamed-note");
  await note.waitForExist({ timeout: WAIT });
  assert.match(await text("breakdown-unnamed-note"), /whose team has no department/);
  assert.deepEqual(await texts('[data-testid="breakdown-cost"]'), ["—"]);
  assert.match(await text("breakdown-cost-unknown"), /no cost column/);
});

test("the plan says how to add open reqs when there are none, and its cost is unknown", async () => {
  await (await $id("tab-plan")).click();
  const advice = await $id("plan-empty");
  await advice.waitForExist({ timeout: WAIT });
  assert.match(await text("plan-empty"), /no open reqs or planned hires/);
  assert.match(await text("plan-empty"), /Add person/);
  const costs = await texts('[data-testid="plan-total-cell"][data-row="costTotal"]');
  assert.equal(costs.length, 8);
  assert.ok(costs.every((c) => c === "—"), `costs: ${costs}`);
  assert.ok((await texts('[data-testid="plan-unassigned-note"]')).some((t) => /no department/i.test(t)));
});

test("Compare marks the metrics a scenario computes with its own span band", async () => {
  await showScenario("reorg");
  await (await $id("settings-open")).click();
  const bandMin = await $id("settings-bandMin");
  await bandMin.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => (await bandMin.getValue()) === "5", { timeout: WAIT });
  await bandMin.clearValue();
  await bandMin.setValue("1");
  const bandMax = await $id("settings-bandMax");
  await bandMax.clearValue();
  await bandMax.setValue("2");
  await (await $id("settings-scope-scenario")).click();
  await (await $id("settings-save")).click();
  await (await $id("settings-dialog")).waitForExist({ reverse: true, timeout: WAIT });

  await (await $id("tab-compare")).click();
  const note = await browser.$('[data-testid="compare-settings-note"][data-scenario="reorg"]');
  await note.waitForExist({ timeout: WAIT });
  assert.match(await text("compare-settings-note"), /reorg has its own settings: span band 1-2 \(baseline 5-8\)/);
  const marked = async (metric) =>
    (await browser.$$(`[data-testid="compare-cell"][data-metric="${metric}"][data-scenario="reorg"] [data-testid="compare-by-settings"]`)).length;
  assert.equal(await marked("band_in_band"), 1);
  assert.equal(await marked("band_wide"), 1);
  assert.equal(await marked("people"), 0);
  assert.equal(
    (await browser.$$('[data-testid="compare-cell"][data-scenario="baseline"] [data-testid="compare-by-settings"]')).length,
    0,
  );
});

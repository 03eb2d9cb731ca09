// End-to-end test of the dashboard's Health panel on the demo workspace:
// the findings are listed (the demo's file names no team leads, so that
// is one finding about the source), a finding's people are highlighted on
// the chart and stepped through, and a team finding shows its members;
// a tighter layer guidance saved in Settings brings a deep-chain finding.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, repo, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

const screenshots = process.env.ORGRAPH_SCREENSHOT === "1";

async function screenshot(name) {
  const out = join(repo, "docs/screenshots", name);
  mkdirSync(dirname(out), { recursive: true });
  await browser.saveScreenshot(out);
}

async function openHealth() {
  await (await $id("tab-dashboard")).click();
  const panel = await $id("health-panel");
  await panel.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => (await browser.$$('[data-testid="health-finding"]')).length > 0, {
    timeout: WAIT,
    timeoutMsg: "the Health panel listed no findings",
  });
}

/** The findings listed: id, count and whether it is a button (has people to show). */
async function findings() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="health-finding"]')].map((el) => ({
      id: el.getAttribute("data-id"),
      count: Number(el.getAttribute("data-count")),
      button: el.tagName === "BUTTON",
      text: el.textContent.replace(/\s+/g, " ").trim(),
    })),
  );
}

const finding = (id) => browser.$(`[data-testid="health-finding"][data-id="${id}"]`);
const highlightAttr = async (name) => (await $id("chart-highlight")).getAttribute(name);
const selectedId = async () => (await $id("details-name")).getAttribute("data-person-id");

/** Waits until the chart shows a set and has ringed some of it on screen. */
async function waitForHighlight(count) {
  const bar = await $id("chart-highlight");
  await bar.waitForDisplayed({ timeout: WAIT, timeoutMsg: "the chart shows no highlighted set" });
  await browser.waitUntil(async () => Number(await highlightAttr("data-count")) === count, {
    timeout: WAIT,
    timeoutMsg: `the set should have ${count} people`,
  });
  await browser.waitUntil(
    async () => Number(await (await $id("chart-canvas")).getAttribute("data-highlighted")) > 0,
    { timeout: WAIT, timeoutMsg: "the chart drew no highlighted box" },
  );
}

test("the Health panel lists the demo org's findings in check order", async () => {
  await startApp();
  await openHealth();
  const listed = await findings();
  const ids = listed.map((f) => f.id);
  const order = [
    "span-wide",
    "span-narrow",
    "single-report-manager",
    "compression",
    "deep-chain",
    "uncovered-team",
    "overloaded-staff-plus",
    "team-without-lead",
    "team-size-out-of-target",
    "open-req-under-wide-manager",
  ];
  assert.deepEqual(ids, order.filter((id) => ids.includes(id)), "in the checks' order");
  assert.ok(ids.includes("span-narrow"), `the demo org has narrow spans: ${ids}`);
  // The demo's file names no team leads: one finding about the source,
  // with nobody to show.
  const leads = listed.find((f) => f.id === "team-without-lead");
  assert.ok(leads, "a team-without-lead finding");
  assert.equal(leads.button, false, "nothing to show on the chart");
  assert.match(leads.text, /the source names no team leads/);
  const narrow = listed.find((f) => f.id === "span-narrow");
  assert.ok(narrow.button && narrow.count > 1, `narrow spans to show: ${JSON.stringify(narrow)}`);
  assert.match(narrow.text, /Spans below the band/);
  assert.match(narrow.text, /\band \d+ more\b|,/, "the first names are listed");
  assert.match(await text("health-summary"), /^\d+ findings$/);

  if (screenshots) {
    await browser.execute(() => document.querySelector('[data-testid="health-panel"]').scrollIntoView({ block: "start" }));
    await browser.waitUntil(
      () =>
        browser.execute(() => {
          const top = document.querySelector('[data-testid="health-panel"]').getBoundingClientRect().top;
          return top >= 0 && top < window.innerHeight / 2;
        }),
      { timeout: WAIT, timeoutMsg: "the Health panel did not scroll into view" },
    );
    await screenshot("health.png");
  }
});

test("clicking a finding highlights its people on the chart, stepped through one by one", async () => {
  await openHealth();
  const count = Number(await (await finding("span-narrow")).getAttribute("data-count"));
  await (await finding("span-narrow")).click();
  await browser.waitUntil(async () => (await (await $id("tab-chart")).getAttribute("aria-selected")) === "true", {
    timeout: WAIT,
    timeoutMsg: "the chart view is not on show",
  });
  await waitForHighlight(count);
  assert.equal(await text("chart-highlight-label"), "Spans below the band");
  assert.equal(await text("chart-highlight-position"), `1 of ${count}`);
  const first = await highlightAttr("data-current-id");
  await browser.waitUntil(async () => (await selectedId()) === first, {
    timeout: WAIT,
    timeoutMsg: `the first of the set (${first}) is not selected`,
  });
  assert.match(await text("announcement"), new RegExp(`^Spans below the band: .+, 1 of ${count}\\.$`));
  // Every one of them is in the chart (none left out as gone).
  assert.equal(Number(await highlightAttr("data-drawn-count")), count);

  if (screenshots) await screenshot("health-chart.png");

  // Next with the keyboard: the button, then Right on the bar.
  await browser.execute(() => document.querySelector('[data-testid="chart-highlight-next"]').focus());
  await browser.keys(["Enter"]);
  await browser.waitUntil(async () => (await text("chart-highlight-position")) === `2 of ${count}`, {
    timeout: WAIT,
    timeoutMsg: "Next did not step to the second",
  });
  const second = await highlightAttr("data-current-id");
  assert.notEqual(second, first);
  await browser.waitUntil(async () => (await selectedId()) === second, { timeout: WAIT, timeoutMsg: "the second is not selected" });
  await browser.keys(["ArrowRight"]);
  const third = count >= 3 ? 3 : 1; // two wrap back to the first
  await browser.waitUntil(async () => (await text("chart-highlight-position")) === `${third} of ${count}`, {
    timeout: WAIT,
    timeoutMsg: "Right did not step on",
  });
  await browser.keys(["ArrowLeft"]);
  await browser.waitUntil(async () => (await text("chart-highlight-position")) === `2 of ${count}`, { timeout: WAIT });
  // Escape stops showing the set; the person stays selected.
  await browser.keys(["Escape"]);
  await (await $id("chart-highlight")).waitForExist({ timeout: WAIT, reverse: true });
  assert.equal(await selectedId(), second);
  await browser.waitUntil(
    async () => Number(await (await $id("chart-canvas")).getAttribute("data-highlighted")) === 0,
    { timeout: WAIT, timeoutMsg: "the chart still rings the set" },
  );
});

test("a team finding shows the teams' members", async () => {
  await openHealth();
  const team = (await findings()).find((f) => f.id === "uncovered-team" || f.id === "team-size-out-of-target");
  assert.ok(team, "the demo org has a finding about teams");
  await (await finding(team.id)).click();
  const bar = await $id("chart-highlight");
  await bar.waitForDisplayed({ timeout: WAIT });
  const members = Number(await highlightAttr("data-count"));
  assert.ok(members > 0, `the ${team.count} teams' members are shown: ${members}`);
  await waitForHighlight(members);
  await browser.waitUntil(async () => (await selectedId()) === (await highlightAttr("data-current-id")), { timeout: WAIT });
  await (await $id("chart-highlight-clear")).click();
  await bar.waitForExist({ timeout: WAIT, reverse: true });
});

/** Opens Settings and waits for the layer guidance to be loaded. */
async function openGuidance() {
  await (await $id("settings-open")).click();
  const above = await $id("guidance-above");
  await above.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => (await above.getValue()) !== "", { timeout: WAIT, timeoutMsg: "the layer guidance did not load" });
  return above;
}

test("a tighter layer guidance saved in Settings shows a deep-chain finding", async () => {
  await openHealth();
  assert.equal(await (await finding("deep-chain")).isExisting(), false, "no deep-chain finding under the default guidance");
  assert.match(await text("health-layers"), /at most 5 layers for up to 500 people/);

  // A guidance the core refuses: its reason beside the section, the dialog open.
  const above = await openGuidance();
  await above.clearValue();
  await above.setValue("0");
  await (await $id("settings-save")).click();
  const refusal = await $id("guidance-error");
  await refusal.waitForDisplayed({ timeout: WAIT, timeoutMsg: "the refusal is not shown" });
  assert.equal(await refusal.getAttribute("data-code"), "invalid-input");
  assert.match(await refusal.getText(), /at least 1 layer/);
  assert.equal(await (await $id("settings-dialog")).isDisplayed(), true, "the dialog stays open");

  // No size steps, at most 2 layers at any size.
  while ((await browser.$$('[data-testid="guidance-remove"]')).length > 0) {
    const before = (await browser.$$('[data-testid="guidance-remove"]')).length;
    await (await $id("guidance-remove")).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="guidance-remove"]')).length < before, { timeout: WAIT });
  }
  await above.clearValue();
  await above.setValue("2");
  await (await $id("settings-save")).click();
  await (await $id("settings-dialog")).waitForExist({ reverse: true, timeout: WAIT, timeoutMsg: "the dialog did not close on save" });

  await (await $id("tab-dashboard")).click();
  await (await finding("deep-chain")).waitForExist({ timeout: WAIT, timeoutMsg: "no deep-chain finding after the tighter guidance" });
  const deep = (await findings()).find((f) => f.id === "deep-chain");
  assert.ok(deep.count > 0 && deep.button, `people to show: ${JSON.stringify(deep)}`);
  assert.match(deep.text, /more than 2 layers from the top/);
  await browser.waitUntil(async () => (await (await $id("health-layers")).getAttribute("data-layers")) === "2", {
    timeout: WAIT,
    timeoutMsg: "the panel does not say the guidance in force",
  });
  assert.match(await text("health-layers"), /at most 2 layers at any size/);
});

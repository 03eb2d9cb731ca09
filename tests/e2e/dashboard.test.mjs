// End-to-end test of the metrics dashboard: the charts are drawn (by
// Chart.js, under the strict CSP), the out-of-band list jumps to the chart,
// and a move updates the figures and the snapshot trend.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import {
  $id,
  browser,
  chooseInPicker,
  findActiveLeaf,
  managerId,
  number,
  reports,
  repo,
  selectViaSearch,
  sleep,
  startApp,
  useApp,
  WAIT,
} from "./harness.mjs";

useApp();

/** Pixels painted in a chart's canvas (its bars, axes and labels). */
async function painted(testid) {
  return browser.execute((id) => {
    const c = document.querySelector(`[data-testid="${id}"]`);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return { n, width: c.width, height: c.height };
  }, testid);
}

async function values(testid) {
  const raw = await (await $id(testid)).getAttribute("data-values");
  return raw === "" ? [] : raw.split(",").map(Number);
}

const sum = (list) => list.reduce((a, b) => a + b, 0);

async function openDashboard() {
  await (await $id("tab-dashboard")).click();
  const chart = await $id("dash-span-chart");
  await chart.waitForDisplayed({ timeout: WAIT });
  await browser.waitUntil(async () => Number(await chart.getAttribute("data-bars")) > 0, {
    timeout: WAIT,
    timeoutMsg: "the span chart laid out no bars",
  });
}

async function waitForFigure(testid, expected, why) {
  await browser.waitUntil(async () => (await number(testid)) === expected, {
    timeout: WAIT,
    timeoutMsg: `${why}: ${testid} should be ${expected}, is ${await number(testid)}`,
  });
}

let jumped; // the out-of-band manager shown on the chart

test("the dashboard draws the span histogram, layers and load charts and lists managers out of band", async () => {
  await startApp();
  await browser.execute(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await (await $id("metric-people")).waitForExist({ timeout: 60_000 });
  await openDashboard();

  const people = await number("dash-people");
  const managers = await number("dash-managers");
  assert.equal(people, await number("metric-people"), "the dashboard and the metrics panel agree");
  assert.equal(managers, await number("metric-managers"));

  // The histogram has a bar per span and counts every manager; the layers
  // chart counts everyone.
  assert.equal(sum(await values("dash-span-chart")), managers, "every manager in the histogram");
  assert.equal(sum(await values("dash-layers-chart")), people, "everyone on a layer");
  assert.equal((await values("dash-layers-chart")).length, await number("dash-layers"));
  for (const id of ["dash-span-chart", "dash-layers-chart", "dash-load-chart"]) {
    const canvas = await $id(id);
    assert.ok(Number(await canvas.getAttribute("data-bars")) > 0, `${id} laid out bars`);
    const p = await painted(id);
    assert.ok(p.width > 100 && p.height > 100, `${id} has a size: ${JSON.stringify(p)}`);
    assert.ok(p.n > 1500, `${id} drew marks: ${p.n} pixels painted`);
    // An accessible name on the chart's figure.
    const label = await browser.execute(
      (testid) => document.querySelector(`[data-testid="${testid}"]`).parentElement.getAttribute("aria-label"),
      id,
    );
    assert.ok(label && label.length > 20, `${id} has an accessible name: ${label}`);
  }

  // Managers out of band, furthest from the band first.
  const items = await browser.$$('[data-testid="oob-item"]');
  assert.ok(items.length > 0, "the demo org has managers out of band");
  const distances = [];
  for (const item of items) distances.push(Number(await item.getAttribute("data-distance")));
  assert.deepEqual(distances, [...distances].sort((a, b) => b - a), "worst first");
  assert.equal(items.length, Math.min(100, await number("dash-out-of-band")));

  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    await browser.execute(() => document.getElementById("view-panel").scrollTo(0, 0));
    await sleep(500);
    const out = join(repo, "docs/screenshots/dashboard.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
  }

  // The breakdown: by department, the rows add up to everyone.
  await (await $id("group-department")).click();
  await browser.waitUntil(
    async () => (await (await $id("group-department")).getAttribute("aria-pressed")) === "true",
    { timeout: WAIT },
  );
  await sleep(300);
  const rows = await browser.$$('[data-testid="breakdown-row"] td:first-of-type');
  let headcount = 0;
  for (const cell of rows) headcount += Number(String(await cell.getProperty("textContent")).replace(/[^\d]/g, ""));
  assert.equal(headcount, people, "the groups add up to the org");

  // Clicking a manager shows them selected on the chart.
  const first = items[0];
  jumped = await first.getAttribute("data-id");
  await first.click();
  await browser.waitUntil(async () => (await (await $id("tab-chart")).getAttribute("aria-selected")) === "true", {
    timeout: WAIT,
    timeoutMsg: "the chart view is not on show",
  });
  await browser.waitUntil(
    async () => (await (await $id("details-name")).getAttribute("data-person-id")) === jumped,
    { timeout: WAIT, timeoutMsg: `${jumped} is not selected` },
  );
  assert.equal(await (await $id("dashboard-view")).isExisting(), false, "the dashboard is closed");
  // Centring zooms in to a readable scale (as choosing a search result does).
  const scale = Number(await (await $id("chart-canvas")).getAttribute("data-scale"));
  assert.ok(scale >= 0.6, `zoomed to the manager: scale ${scale}`);

  // The list is keyboard-usable: Down moves to the next manager, Enter jumps.
  await openDashboard();
  const again = await browser.$$('[data-testid="oob-item"]');
  if (again.length > 1) {
    const second = await again[1].getAttribute("data-id");
    await again[0].click(); // jumps back to the chart; return and use keys only
    await openDashboard();
    await browser.execute(() => document.querySelector('[data-testid="oob-item"]').focus());
    await browser.keys(["ArrowDown"]);
    const focused = await browser.execute(() => document.activeElement.getAttribute("data-id"));
    assert.equal(focused, second, "Down focuses the next manager");
    await browser.keys(["Enter"]);
    await browser.waitUntil(
      async () => (await (await $id("details-name")).getAttribute("data-person-id")) === second,
      { timeout: WAIT, timeoutMsg: `Enter did not jump to ${second}` },
    );
  }
});

test("a move updates the dashboard's figures and its snapshot trend", async () => {
  await openDashboard();
  const managersBefore = await number("dash-managers");
  const histogramBefore = await values("dash-span-chart");
  const trendBefore = await values("dash-trend-chart");
  const snapshotsBefore = await number("trend-count");
  assert.equal(trendBefore.length, snapshotsBefore, "a point per stored snapshot");
  assert.ok(snapshotsBefore >= 1, "the seeded workspace has its first snapshot");

  // X: an active IC in a team of 2+; M: an active IC elsewhere. Moving X
  // under M makes M a manager and leaves X's manager one.
  await (await $id("tab-chart")).click();
  await selectViaSearch(jumped);
  const chain = await browser.$$('[data-testid="details-chain-item"]');
  const root = chain.length > 0 ? await chain[chain.length - 1].getAttribute("data-person-id") : jumped;
  await selectViaSearch(root);
  const [deptOfX, deptOfM] = (await reports()).filter((r) => r.reports > 0).sort((a, b) => b.reports - a.reports);
  const x = await findActiveLeaf(deptOfX.id, 2);
  const m = await findActiveLeaf(deptOfM.id);
  await selectViaSearch(x);
  await chooseInPicker(m);
  await browser.waitUntil(async () => (await managerId()) === m, { timeout: WAIT, timeoutMsg: "move not shown" });

  await openDashboard();
  await waitForFigure("dash-managers", managersBefore + 1, "after the move");
  await waitForFigure("trend-count", snapshotsBefore + 1, "a snapshot per edit");
  const trendAfter = await values("dash-trend-chart");
  assert.equal(trendAfter.length, trendBefore.length + 1, "the trend has a new point");
  assert.equal(trendAfter.at(-1), trendBefore.at(-1), "people are unchanged by a move");
  await (await $id("trend-metric")).selectByAttribute("value", "managers");
  await browser.waitUntil(async () => (await values("dash-trend-chart")).at(-1) === managersBefore + 1, {
    timeout: WAIT,
    timeoutMsg: "the managers trend ends at the new figure",
  });
  const histogramAfter = await values("dash-span-chart");
  assert.notDeepEqual(histogramAfter, histogramBefore, "the histogram changed");
  assert.equal(sum(histogramAfter), managersBefore + 1);
  assert.ok(Number(await (await $id("dash-trend-chart")).getAttribute("data-points")) === trendAfter.length);

  const violations = await browser.execute(() => window.__cspViolations);
  assert.deepEqual(violations, [], "no CSP violations in the dashboard");
});

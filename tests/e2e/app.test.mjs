// End-to-end test of the real Orgraph desktop app: the org chart, the move
// flow, refusals and persistence. See harness.mjs for how the app is driven.

import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import {
  $id,
  browser,
  chooseInPicker,
  findActiveLeaf,
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
  workspace,
} from "./harness.mjs";

useApp();

test("org chart, move through the picker, cycle refusal, and persistence across restarts", async () => {
  await startApp();

  // The app opened the isolated workspace from ORGRAPH_WORKSPACE (so
  // tauri-driver passed our environment through to the app).
  assert.ok(existsSync(workspace), "the app created the temp workspace");
  assert.equal(await text("workspace-name"), "e2e.orgraph");
  assert.equal(await browser.getTitle(), "Orgraph — e2e.orgraph");

  // The strict CSP is in force: record violations from here on, and check a
  // remote request is refused.
  await browser.execute(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const remoteFetch = await browser.executeAsync((done) => {
    fetch("https://example.com/").then(
      () => done("loaded"),
      () => done("blocked"),
    );
  });
  assert.equal(remoteFetch, "blocked", "remote origins are blocked");

  // Chart and metrics are shown for the ~300-person demo org.
  const canvas = await $id("chart-canvas");
  assert.ok(await canvas.isDisplayed(), "chart canvas is displayed");
  assert.ok(Number(await canvas.getAttribute("data-node-count")) >= 250, "chart has the org's nodes");
  const people = await number("metric-people");
  assert.ok(people >= 250 && people <= 350, `about 300 people, got ${people}`);
  for (const id of ["metric-managers", "metric-layers", "metric-span-median", "metric-narrow", "metric-wide", "metric-in-band", "metric-ratio", "metric-coverage"]) {
    assert.notEqual(await text(id), "", `${id} is shown`);
  }

  // Find the root through any person's chain of command.
  const input = await $id("search-input");
  await input.setValue("a");
  const firstOption = await browser.$('[data-testid="search-option"]');
  await firstOption.waitForDisplayed({ timeout: WAIT });
  const anyone = await firstOption.getAttribute("data-person-id");
  await selectViaSearch(anyone);
  const chain = await browser.$$('[data-testid="details-chain-item"]');
  const root = chain.length > 0 ? await chain[chain.length - 1].getAttribute("data-person-id") : anyone;

  // X: an active IC in a team of 3+ in one department; M: an active IC in
  // another department. Moving X under M makes M a manager, and X's old
  // manager stays one: the manager count goes up by exactly one.
  await selectViaSearch(root);
  const departments = (await reports()).filter((r) => r.reports > 0).sort((a, b) => b.reports - a.reports);
  assert.ok(departments.length >= 2, "the root has at least two departments");
  const [deptOfX, deptOfM] = departments;
  const x = await findActiveLeaf(deptOfX.id, 3);
  const m = await findActiveLeaf(deptOfM.id);
  const mName = await text("details-name");

  await selectViaSearch(x);
  const oldManager = await managerId();
  assert.notEqual(oldManager, m);
  const managersBefore = await number("metric-managers");

  await chooseInPicker(m);
  await browser.waitUntil(async () => (await managerId()) === m, {
    timeout: WAIT,
    timeoutMsg: "details did not show the new manager",
  });
  assert.equal(await text("details-manager"), mName);
  await browser.waitUntil(async () => (await number("metric-managers")) === managersBefore + 1, {
    timeout: WAIT,
    timeoutMsg: `metrics did not update (managers was ${managersBefore})`,
  });
  assert.equal(await (await $id("manager-picker-input")).isExisting(), false, "picker closed");

  if (process.env.ORGRAPH_SCREENSHOT === "1") {
    // The top of the org (deeper teams start collapsed), details of the root.
    await (await $id("collapse-levels")).click();
    await selectViaSearch(root);
    await (await $id("search-input")).clearValue();
    await (await $id("zoom-out")).click();
    await sleep(800); // let the canvas repaint before capturing
    const out = join(repo, "docs/screenshots/app.png");
    mkdirSync(dirname(out), { recursive: true });
    await browser.saveScreenshot(out);
  }

  // A cycle: M's department head may not report to M (M reports to them).
  await selectViaSearch(deptOfM.id);
  const deptManager = await managerId();
  await chooseInPicker(m);
  const error = await $id("error-message");
  await error.waitForDisplayed({ timeout: WAIT, timeoutMsg: "no error message for a cycle" });
  assert.equal(await error.getAttribute("data-code"), "would-create-cycle");
  assert.match(await error.getText(), /already reports/);
  await browser.keys(["Escape"]);
  await (await $id("manager-picker-input")).waitForExist({ reverse: true, timeout: WAIT });
  assert.equal(await managerId(), deptManager, "the refused move changed nothing");
  assert.equal(await number("metric-managers"), managersBefore + 1);

  const violations = await browser.execute(() => window.__cspViolations);
  assert.deepEqual(
    violations.filter((v) => !v.includes("example.com")),
    [],
    "no CSP violations while using the app",
  );

  // Quit, start again on the same workspace: the move persisted.
  await quitApp();
  await startApp();
  assert.equal(await text("workspace-name"), "e2e.orgraph");
  await selectViaSearch(x);
  assert.equal(await managerId(), m, "the move survived a restart");
  assert.equal(await number("metric-managers"), managersBefore + 1);
});

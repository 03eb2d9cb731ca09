// End-to-end test of scenarios that survive a re-import: the workspace is
// made with the CLI (import, a scenario of three moves, a re-import without
// someone two of them involve); the app then shows a badge on the scenario,
// lists the two changes that do not apply with their reasons, and drops one,
// which a restart keeps. The tests run in order and share one workspace.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, quitApp, repo, startApp, text, useApp, WAIT, workspace } from "./harness.mjs";

useApp();

const ORG = "id,name,manager_id\nceo,Ceo,\nm1,M1,ceo\nm2,M2,ceo\na,A,m1\nb,B,m1\nc,C,m2\n";

/** Runs the orgraph CLI (built by cargo if needed); its stderr is in the error if it fails. */
function orgraph(...args) {
  execFileSync("cargo", ["run", "-q", "-p", "orgraph", "--bin", "orgraph", "--", ...args], {
    cwd: repo,
    stdio: ["ignore", "ignore", "pipe"],
  });
}

async function showScenario(name) {
  const select = await $id("scenario-select");
  await select.waitForExist({ timeout: WAIT });
  await select.selectByAttribute("value", name);
  await browser.waitUntil(
    async () => (await select.getAttribute("data-current")) === name && (await select.isEnabled()),
    { timeout: WAIT, timeoutMsg: `scenario ${name} is not on show` },
  );
}

async function conflictRows() {
  const rows = await browser.$$('[data-testid="conflict-row"]');
  const out = [];
  for (const row of rows) out.push([await row.getAttribute("data-position"), await row.getAttribute("data-kind")]);
  return out;
}

async function openConflicts() {
  const badge = await $id("conflict-badge");
  await badge.waitForExist({ timeout: WAIT });
  if ((await badge.getAttribute("aria-expanded")) !== "true") await badge.click();
  await (await $id("conflict-list")).waitForExist({ timeout: WAIT });
}

test("a re-import's conflicts show as a badge and a list with reasons", async () => {
  const csv = join(dirname(workspace), "org.csv");
  writeFileSync(csv, ORG);
  orgraph("import", csv, "--into", workspace);
  orgraph("scenario", "create", "reorg", "--workspace", workspace);
  for (const [person, to] of [
    ["a", "m2"],
    ["c", "b"],
    ["b", "m2"],
  ]) {
    orgraph("move", person, "--to", to, "--workspace", workspace, "--scenario", "reorg");
  }
  writeFileSync(csv, ORG.replace("b,B,m1\n", ""));
  orgraph("import", csv, "--into", workspace);

  await startApp();
  await showScenario("reorg");
  assert.match(await text("conflict-badge"), /2 not applied/);
  await openConflicts();
  assert.deepEqual(await conflictRows(), [
    ["2", "manager-gone"],
    ["3", "person-gone"],
  ]);
  assert.match(await text("conflict-list"), /manager 'b' is no longer in the org/);
});

test("dropping a conflict removes it from the scenario, and a restart keeps that", async () => {
  const drop = await browser.$('[data-testid="conflict-row"][data-position="3"] [data-testid="conflict-drop"]');
  await drop.click();
  await browser.waitUntil(async () => (await conflictRows()).length === 1, {
    timeout: WAIT,
    timeoutMsg: "the dropped conflict is still listed",
  });
  assert.match(await text("conflict-badge"), /1 not applied/);

  await quitApp();
  await startApp();
  await showScenario("reorg");
  await openConflicts();
  assert.deepEqual(await conflictRows(), [["2", "manager-gone"]]);
});

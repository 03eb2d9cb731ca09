// End-to-end test of scenarios that survive a re-import: the workspace is
// made with the CLI (import, a scenario of three moves and one of a single
// move, a re-import without someone three of the moves involve); the app
// then lists each scenario with its own count of changes that do not apply,
// shows a badge on the scenario on show, lists its two changes that do not
// apply with their reasons, and drops one, which the list and a restart
// keep. The tests run in order and share one workspace.

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { $id, browser, orgraph, quitApp, repo, showScenario, startApp, text, useApp, WAIT, workspace } from "./harness.mjs";

useApp();

const ORG = "id,name,manager_id\nceo,Ceo,\nm1,M1,ceo\nm2,M2,ceo\na,A,m1\nb,B,m1\nc,C,m2\n";

/** Each scenario in the switcher: [name, noted conflict count, entry text]. */
async function listed() {
  const out = [];
  for (const option of await browser.$$('[data-testid="scenario-option"]')) {
    out.push([
      await option.getAttribute("value"),
      await option.getAttribute("data-conflicts"),
      String(await option.getProperty("textContent")).trim(),
    ]);
  }
  return out;
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
  orgraph("scenario", "create", "solo", "--workspace", workspace);
  orgraph("move", "b", "--to", "m2", "--workspace", workspace, "--scenario", "solo");
  writeFileSync(csv, ORG.replace("b,B,m1\n", ""));
  orgraph("import", csv, "--into", workspace);

  await startApp();
  // On the baseline, every scenario in the list shows its own count.
  const entries = await listed();
  assert.deepEqual(
    entries.map(([name, count]) => [name, count]),
    [
      ["baseline", "0"],
      ["reorg", "2"],
      ["solo", "1"],
      [entries[3][0], "0"],
    ],
  );
  assert.match(entries[3][0], /^before import /);
  assert.match(entries[1][2], /^reorg \(3 changes\) · from baseline · ⚠ 2 not applied$/);
  assert.match(entries[2][2], /⚠ 1 not applied$/);
  assert.doesNotMatch(entries[0][2], /⚠/);

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
  await browser.waitUntil(
    async () => JSON.stringify((await listed()).slice(1, 3).map(([n, c]) => [n, c])) === '[["reorg","1"],["solo","1"]]',
    { timeout: WAIT, timeoutMsg: `the list does not follow the drop: ${JSON.stringify(await listed())}` },
  );

  await quitApp();
  await startApp();
  await showScenario("reorg");
  await openConflicts();
  assert.deepEqual(await conflictRows(), [["2", "manager-gone"]]);
});

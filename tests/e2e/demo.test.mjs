// End-to-end test of a new workspace's first import: the app seeds the demo
// org into a workspace that does not exist yet; importing a file through the
// wizard then replaces the demo as a first import does. No re-import report
// (joiners, leavers) and no "before import" scenario of demo people, and a
// restart shows the imported org.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { $id, browser, number, quitApp, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

const dataDir = mkdtempSync(join(tmpdir(), "orgraph-e2e-demo-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const PEOPLE = ["id,name,title,manager_id", "p1,Ada,CEO,", "p2,Grace,CTO,p1", "p3,Alan,Engineer,p2"].join("\n");

async function scenarioNames() {
  const names = [];
  for (const o of await browser.$$('[data-testid="scenario-option"]')) names.push(await o.getAttribute("value"));
  return names;
}

async function waitForPeople(expected) {
  await browser.waitUntil(async () => (await number("metric-people")) === expected, {
    timeout: WAIT,
    timeoutMsg: `the metrics did not show ${expected} people (${await number("metric-people")})`,
  });
}

test("the first import into a new workspace replaces the demo org", async () => {
  await startApp();
  assert.ok((await number("metric-people")) > 100, "the demo org is on show");
  assert.deepEqual(await scenarioNames(), ["baseline"]);

  const path = join(dataDir, "people.csv");
  writeFileSync(path, PEOPLE);
  await (await $id("import-open")).click();
  await (await $id("import-wizard")).waitForDisplayed({ timeout: WAIT });
  const field = await $id("import-path");
  await field.waitForEnabled({ timeout: WAIT });
  await field.setValue(path);
  await (await $id("import-next")).click();
  await (await $id("import-review")).waitForExist({ timeout: WAIT });
  await (await $id("import-run")).click();
  const success = await $id("import-success");
  await success.waitForExist({ timeout: 60_000 });
  assert.match(await text("import-success"), /Imported 3 people/);

  // A first import: nothing is called a joiner or leaver, nothing is kept.
  const wizard = String(await (await $id("import-wizard")).getProperty("textContent"));
  assert.doesNotMatch(wizard, /joiner|leaver|before import/i);
  assert.equal(await (await $id("import-kept-as")).isExisting(), false);
  await waitForPeople(3);
  await (await $id("import-close")).click();
  await (await $id("import-wizard")).waitForExist({ timeout: WAIT, reverse: true });
  assert.deepEqual(await scenarioNames(), ["baseline"]);

  await quitApp();
  await startApp();
  await waitForPeople(3);
  assert.deepEqual(await scenarioNames(), ["baseline"]);
});

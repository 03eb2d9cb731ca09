// End-to-end tests of the import wizard in the real app: a CSV with an HRIS
// export's headers ("Employee #", "Reports To" as "Last, First" names, "Job
// Title") is reviewed and imported over the demo org, and the metrics show
// the new org; then a file with a reporting cycle is refused with the error
// located by row and column, and the workspace keeps the org it had; a
// Windows-1252 file whose id column is found from its values shows why each
// column was chosen and what decoding found, and its refund (a negative
// salary) is read once the column is declared signed. The tests run in
// order and share one app session.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { $id, browser, number, quitApp, startApp, text, useApp, WAIT } from "./harness.mjs";

useApp();

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "wizard");
const dataDir = mkdtempSync(join(tmpdir(), "orgraph-e2e-import-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const PEOPLE = [
  "Employee #,Full Name,Job Title,Reports To",
  "E1,Ada Lovelace,CEO,",
  'E2,Grace Hopper,CTO,"Lovelace, Ada"',
  'E3,Alan Turing,Engineer,"Hopper, Grace"',
  'E4,Edsger Dijkstra,Engineer,"Hopper, Grace"',
  'E5,Barbara Liskov,Engineer,"Hopper, Grace"',
].join("\n");

// E2 and E3 report to each other: a reporting cycle.
const CYCLE = [
  "Employee #,Full Name,Job Title,Reports To",
  "E1,Ada Lovelace,CEO,",
  'E2,Grace Hopper,CTO,"Turing, Alan"',
  'E3,Alan Turing,Engineer,"Hopper, Grace"',
].join("\n");

async function openWizard(path) {
  const wizard = await $id("import-wizard");
  if (!(await wizard.isExisting())) await (await $id("import-open")).click();
  await wizard.waitForDisplayed({ timeout: WAIT });
  const field = await $id("import-path");
  await field.waitForEnabled({ timeout: WAIT });
  await field.clearValue();
  await field.setValue(path);
  await (await $id("import-next")).click();
  const review = await $id("import-review");
  await browser.waitUntil(async () => (await review.isExisting()) || (await (await $id("import-error")).isExisting()), {
    timeout: WAIT,
    timeoutMsg: "the review did not show",
  });
  if (!(await review.isExisting())) assert.fail(`detection failed: ${await text("import-error")}`);
}

async function waitForPeople(expected) {
  await browser.waitUntil(async () => (await number("metric-people")) === expected, {
    timeout: WAIT,
    timeoutMsg: `the metrics did not show ${expected} people (${await number("metric-people")})`,
  });
}

test("the app starts and offers Import…", async () => {
  await startApp();
  const button = await $id("import-open");
  await button.waitForEnabled({ timeout: WAIT });
  assert.equal((await button.getText()).trim(), "Import…");
  assert.ok((await number("metric-people")) > 100, "the demo org is on show");
});

test("reviews and imports an HRIS export with 'Last, First' managers", async () => {
  const path = join(dataDir, "people.csv");
  writeFileSync(path, PEOPLE);
  await openWizard(path);

  assert.equal(await text("import-format"), "CSV");
  assert.equal(await text("import-delimiter"), ",");
  assert.equal(await text("import-rows"), "5");
  const reportsTo = await browser.$('[data-testid="import-column"][data-header="Reports To"]');
  assert.equal(await reportsTo.getAttribute("data-field"), "manager_id");
  const employee = await browser.$('[data-testid="import-column"][data-header="Employee #"]');
  assert.equal(await employee.getAttribute("data-field"), "id");
  assert.equal(await (await $id("import-manager-ref")).getValue(), "last-first");
  const previewRows = await browser.$$('[data-testid="import-preview-row"]');
  assert.equal(previewRows.length, 5);

  await (await $id("import-run")).click();
  const success = await $id("import-success");
  await browser.waitUntil(async () => success.isExisting(), {
    timeout: 60_000,
    timeoutMsg: `no success message: ${(await (await $id("import-error")).isExisting()) ? await text("import-error") : (await (await $id("import-invalid")).isExisting()) ? await text("import-invalid") : "nothing either"}`,
  });
  assert.match(await text("import-success"), /Imported 5 people/);
  assert.equal(await success.getAttribute("data-people"), "5");
  // Over the untouched demo org this is a first import: nothing is kept.
  assert.equal(await (await $id("import-kept-as")).isExisting(), false);
  await waitForPeople(5);
  await (await $id("import-close")).click();
  await (await $id("import-wizard")).waitForExist({ timeout: WAIT, reverse: true });
});

test("a file with a reporting cycle is refused, located, and changes nothing", async () => {
  const path = join(dataDir, "cycle.csv");
  writeFileSync(path, CYCLE);
  await openWizard(path);
  await (await $id("import-run")).click();

  const invalid = await $id("import-invalid");
  await invalid.waitForDisplayed({ timeout: 60_000 });
  const errors = await browser.$$('[data-testid="import-errors"] [data-testid="import-finding"]');
  assert.ok(errors.length >= 1, "at least one error is listed");
  const cycle = [];
  for (const item of errors) {
    if ((await item.getAttribute("data-code")) === "manager-cycle") cycle.push(item);
  }
  assert.equal(cycle.length, 1, "one reporting cycle");
  const row = Number(await cycle[0].getAttribute("data-row"));
  assert.ok(row === 3 || row === 4, `the cycle is located on row 3 or 4 (got ${row})`);
  assert.equal(await cycle[0].getAttribute("data-column"), "Reports To");
  const shown = String(await cycle[0].getProperty("textContent")).replace(/\s+/g, " ");
  assert.match(shown, new RegExp(`cycle\\.csv, row ${row}, column Reports To`));

  await (await $id("import-close")).click();
  await (await $id("import-wizard")).waitForExist({ timeout: WAIT, reverse: true });
  await waitForPeople(5);
  // Reopened from disk, the workspace still holds the first import.
  await quitApp();
  await startApp();
  await waitForPeople(5);
});

async function waitForSuccess() {
  const success = await $id("import-success");
  await browser.waitUntil(async () => success.isExisting(), {
    timeout: 60_000,
    timeoutMsg: `no success message: ${(await (await $id("import-invalid")).isExisting()) ? await text("import-invalid") : "none"}`,
  });
  return success;
}

async function closeWizard() {
  await (await $id("import-close")).click();
  await (await $id("import-wizard")).waitForExist({ timeout: WAIT, reverse: true });
}

const REFUND = join(fixtures, "latin1-refund.csv");

test("the review says why the id and manager columns were chosen and what decoding found", async () => {
  await openWizard(REFUND);
  const id = await browser.$('[data-testid="import-choice"][data-field="id"]');
  assert.equal(await id.getAttribute("data-header"), "Badge");
  assert.match(await id.getText(), /Id column: Badge \(values unique\)/);
  const manager = await browser.$('[data-testid="import-choice"][data-field="manager_id"]');
  assert.equal(await manager.getAttribute("data-header"), "Boss");
  assert.match(await manager.getText(), /its header; 100% of values match ids/);
  assert.match(await text("import-manager-ref-reason"), /100% of references match ids/);
  const reasons = await browser.$$('[data-testid="import-column"][data-header="Badge"] [data-testid="import-column-reason"]');
  assert.equal(reasons.length, 1, "the id column's row gives its reason");

  assert.match(await text("import-encoding"), /Windows-1252/);
  const read = await $id("import-read-findings");
  assert.equal(await read.getAttribute("data-errors"), "false");
  const decoding = await browser.$$('[data-testid="import-read-findings"] [data-testid="import-finding"]');
  assert.equal(decoding.length, 1);
  assert.equal(await decoding[0].getAttribute("data-code"), "read-as-windows-1252");
  assert.equal(await decoding[0].getAttribute("data-row"), "2");
});

test("a refused negative salary is read once its column is declared signed", async () => {
  // The wizard is still on the review of the refund file.
  const signed = await browser.$('[data-testid="import-column"][data-header="Annual Salary"] [data-testid="import-signed"]');
  assert.equal(await signed.isSelected(), false);
  assert.equal((await browser.$$('[data-testid="import-column"][data-header="Name"] [data-testid="import-signed"]')).length, 0, "only cost columns can be signed");
  await (await $id("import-run")).click();
  await (await $id("import-invalid")).waitForDisplayed({ timeout: 60_000 });
  const negative = await browser.$('[data-testid="import-errors"] [data-testid="import-finding"][data-code="negative-cost"]');
  assert.equal(await negative.getAttribute("data-column"), "Annual Salary");
  assert.equal(await negative.getAttribute("data-row"), "5");
  assert.match(await text("import-signed-offer"), /“Annual Salary”/);
  await (await $id("import-allow-negative")).click();
  const success = await waitForSuccess();
  assert.equal(await success.getAttribute("data-people"), "5");
  await closeWizard();

  // Declared up front in the mapping step, the column imports first time.
  await openWizard(REFUND);
  await (await browser.$('[data-testid="import-column"][data-header="Annual Salary"] [data-testid="import-signed"]')).click();
  await (await $id("import-run")).click();
  assert.equal(await (await waitForSuccess()).getAttribute("data-people"), "5");
  await closeWizard();
});

test("the metrics panel groups the import's warnings by kind, each expanding to its rows", async () => {
  await openWizard(join(fixtures, "missing-managers.csv"));
  await (await $id("import-run")).click();
  await waitForSuccess();
  // The wizard's outcome groups them the same way.
  const inWizard = await browser.$('[data-testid="import-warning-group"][data-code="manager-not-found"]');
  assert.equal(await inWizard.getAttribute("data-count"), "3");
  assert.equal((await (await inWizard.$("summary")).getText()).trim(), "3 managers not in the file, 8 people affected");
  await closeWizard();
  await waitForPeople(13);

  const groups = await $id("warning-groups");
  await groups.waitForDisplayed({ timeout: WAIT });
  assert.equal(await text("warning-groups-summary"), "4 data warnings of 2 kinds");
  await (await $id("warning-groups-summary")).click();
  const missing = await browser.$('[data-testid="warning-group"][data-code="manager-not-found"]');
  await missing.waitForDisplayed({ timeout: WAIT });
  assert.equal(await missing.getAttribute("data-count"), "3");
  assert.equal(await missing.getAttribute("data-people"), "8");
  const headline = await missing.$("summary");
  assert.equal((await headline.getText()).trim(), "3 managers not in the file, 8 people affected");
  const self = await browser.$('[data-testid="warning-group"][data-code="self-manager"]');
  assert.equal(await self.getAttribute("data-count"), "1");

  // Collapsed, a group shows no rows; expanded, one per missing manager,
  // by row and column, without the file's path.
  const rows = () => missing.$$('[data-testid="warning-group-row"]');
  assert.equal(await (await rows())[0].isDisplayed(), false);
  await headline.click();
  await browser.waitUntil(async () => (await (await rows())[0].isDisplayed()), { timeout: WAIT, timeoutMsg: "the group did not expand" });
  const listed = await rows();
  const at = [];
  for (const row of listed) at.push(await row.getAttribute("data-row"));
  assert.deepEqual(at, ["6", "10", "13"]);
  const first = String(await listed[0].getProperty("textContent"));
  assert.match(first, /^row 6, column Manager ID: manager 'X-900' is not in the file/);
  assert.doesNotMatch(first, /missing-managers\.csv/);
});

test("a re-import's report names joiners, leavers and moves as 'Name (title)', the id secondary", async () => {
  const next = readFileSync(join(fixtures, "missing-managers.csv"), "utf8")
    .replace("111,Emma Roux,Recruiter,X-902\n", "")
    .replace("103,Omar Haddad,Engineer,101", "103,Omar Haddad,Engineer,100")
    .replace("102,Lena Park,Engineer,101", "102,Lena Park,Senior Engineer,101")
    .concat("113,Zara Quinn,Designer,100\n");
  const path = join(dataDir, "missing-managers-march.csv");
  writeFileSync(path, next);
  await openWizard(path);
  await (await $id("import-run")).click();
  await waitForSuccess();

  const item = async (list, id) => String(await (await browser.$(`[data-testid="${list}"] li[data-id="${id}"]`)).getProperty("textContent")).replace(/\s+/g, " ").trim();
  assert.equal(await item("import-joiners", "113"), "Zara Quinn (Designer)113");
  assert.equal(await item("import-leavers", "111"), "Emma Roux (Recruiter)111");
  assert.equal(await item("import-moves", "103"), "Omar Haddad (Engineer)103: Noah Reyes (CTO) → Maya Ortiz (CEO)");
  assert.equal(await item("import-title-changes", "102"), "Lena Park (Senior Engineer)102: Engineer → Senior Engineer");
  await closeWizard();
});

// A file with no team column whose "Practice" column the user maps to
// department in the review: people get that department (the plan lists it).
const PRACTICES = [
  "Employee #,Full Name,Job Title,Reports To,Practice",
  "P1,Ada Lovelace,CEO,,Leadership",
  'P2,Grace Hopper,CTO,"Lovelace, Ada",Engineering',
  'P3,Alan Turing,Engineer,"Hopper, Grace",Engineering',
  'P4,Mary Jackson,Analyst,"Lovelace, Ada",Finance',
].join("\n");

test("a column mapped to department in the review gives people that department", async () => {
  const path = join(dataDir, "practices.csv");
  writeFileSync(path, PRACTICES);
  await openWizard(path);
  const field = await browser.$('[data-testid="import-column"][data-header="Practice"] [data-testid="import-field"]');
  await field.selectByAttribute("value", "department");
  await browser.waitUntil(
    async () => (await (await browser.$('[data-testid="import-column"][data-header="Practice"]')).getAttribute("data-field")) === "department",
    { timeout: WAIT, timeoutMsg: "the Practice column was not mapped to department" },
  );
  await (await $id("import-run")).click();
  await waitForSuccess();
  await closeWizard();
  await waitForPeople(4);

  await (await $id("tab-plan")).click();
  const departments = async () => {
    const names = [];
    for (const row of await browser.$$('[data-testid="plan-departments"] tbody tr')) names.push(await row.getAttribute("data-name"));
    return names.sort();
  };
  await browser.waitUntil(async () => (await departments()).length === 3, {
    timeout: WAIT,
    timeoutMsg: `the plan did not list the three departments: ${JSON.stringify(await departments())}`,
  });
  assert.deepEqual(await departments(), ["Engineering", "Finance", "Leadership"]);
  await (await $id("tab-chart")).click();
});

// End-to-end tests of the export dialog in the real app: a PDF chart and a
// CSV with compensation redacted (and, as the control, without), written to
// a temporary folder through the dialog's path field; a failed export shows
// the typed error. The tests run in order and share one app session.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { $id, browser, startApp, useApp, WAIT } from "./harness.mjs";

useApp();

const outDir = mkdtempSync(join(tmpdir(), "orgraph-e2e-export-"));
after(() => rmSync(outDir, { recursive: true, force: true }));

/** A cost as the exports write it: a plain decimal with two places. */
const COST = /^-?\d+\.\d{2}$/;

async function openDialog() {
  const dialog = await $id("export-dialog");
  if (!(await dialog.isExisting())) await (await $id("export-open")).click();
  await dialog.waitForDisplayed({ timeout: WAIT });
}

async function exportTo(format, path) {
  await openDialog();
  await (await $id("export-format")).selectByAttribute("value", format);
  const field = await $id("export-path");
  await field.clearValue();
  await field.setValue(path);
  await (await $id("export-submit")).click();
}

async function waitForSuccess(path) {
  const success = await $id("export-success");
  await browser.waitUntil(
    async () => (await success.isExisting()) && (await success.getAttribute("data-path")) === path,
    {
      timeout: 60_000,
      timeoutMsg: `no success message for ${path}: ${await (await $id("export-error")).isExisting() ? await (await $id("export-error")).getText() : "no error either"}`,
    },
  );
  return success.getText();
}

function csvRows(path) {
  return readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(","));
}

test("the app starts and offers Export…", async () => {
  await startApp();
  const button = await $id("export-open");
  await button.waitForEnabled({ timeout: WAIT });
  assert.equal((await button.getText()).trim(), "Export…");
});

test("exports the org as a PDF chart", async () => {
  const path = join(outDir, "org.pdf");
  await openDialog();
  const defaultPath = await (await $id("export-path")).getValue();
  assert.match(defaultPath, /e2e\.pdf$/, "the default file sits beside the workspace, named after it");
  await exportTo("pdf", path);
  const message = await waitForSuccess(path);
  assert.match(message, /\d+ pages?/, message);
  assert.ok(existsSync(path));
  assert.equal(readFileSync(path).subarray(0, 4).toString("latin1"), "%PDF");
});

test("exports a CSV without compensation by default", async () => {
  const path = join(outDir, "org-redacted.csv");
  await openDialog();
  await (await $id("export-format")).selectByAttribute("value", "csv");
  assert.equal(await (await $id("export-redact")).isSelected(), true, "redaction is on by default for data");
  await exportTo("csv", path);
  await waitForSuccess(path);
  const rows = csvRows(path);
  assert.ok(rows.length > 100, `${rows.length} rows`);
  assert.ok(rows[0].includes("manager_id"), rows[0].join(","));
  assert.ok(!rows[0].includes("cost"), `no cost column: ${rows[0].join(",")}`);
  const costs = rows.slice(1).flat().filter((cell) => COST.test(cell));
  assert.deepEqual(costs, [], "no cost values");
});

test("the same CSV unredacted does hold costs (the check above can fail)", async () => {
  const path = join(outDir, "org-full.csv");
  await openDialog();
  await (await $id("export-format")).selectByAttribute("value", "csv");
  await (await $id("export-redact")).click();
  assert.equal(await (await $id("export-redact")).isSelected(), false);
  const field = await $id("export-path");
  await field.clearValue();
  await field.setValue(path);
  await (await $id("export-submit")).click();
  await waitForSuccess(path);
  const rows = csvRows(path);
  const column = rows[0].indexOf("cost");
  assert.ok(column >= 0, rows[0].join(","));
  assert.ok(rows.slice(1).filter((row) => COST.test(row[column] ?? "")).length > 100);
});

test("a failed export shows the typed error and writes nothing", async () => {
  const path = join(outDir, "missing-folder", "org.pdf");
  await exportTo("pdf", path);
  const error = await $id("export-error");
  await error.waitForDisplayed({ timeout: 60_000 });
  assert.equal(await error.getAttribute("data-code"), "io");
  assert.match(await error.getText(), /missing-folder/);
  assert.ok(!existsSync(path));
});

// End-to-end tests of the export dialog in the real app: a PDF chart and a
// CSV with compensation redacted (and, as the control, without), written to
// a temporary folder through the dialog's path field; a failed export shows
// the typed error; exporting over an existing file asks first (keep it, or
// replace it); a whole-org PNG too big to read is refused in the app's words
// with the dialog's other choices offered (an org imported as one long
// reporting chain, too tall for a legible PNG). The tests run in order and
// share one app session.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { $id, browser, number, startApp, text, useApp, WAIT } from "./harness.mjs";

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

test("exporting over an existing file asks, and keeps it unless told to replace it", async () => {
  const path = join(outDir, "org.pdf");
  const before = readFileSync(path);
  await exportTo("pdf", path);
  const confirm = await $id("export-confirm-replace");
  await confirm.waitForDisplayed({ timeout: WAIT });
  assert.match(await confirm.getText(), /org\.pdf already exists/);
  await (await $id("export-keep")).click();
  await confirm.waitForExist({ timeout: WAIT, reverse: true });
  assert.deepEqual(readFileSync(path), before, "the file was kept as it was");

  const mtime = statSync(path).mtimeMs;
  await (await $id("export-submit")).click();
  await confirm.waitForDisplayed({ timeout: WAIT });
  await (await $id("export-replace")).click();
  await waitForSuccess(path);
  assert.ok(statSync(path).mtimeMs > mtime, "the file was replaced");
  assert.equal(readFileSync(path).subarray(0, 4).toString("latin1"), "%PDF");
});

/** One reporting chain of `people`: each reports to the one before. */
function chainCsv(people) {
  const rows = ["id,name,title,manager_id"];
  for (let i = 1; i <= people; i += 1) rows.push(`C${i},Person ${i},Manager ${i},${i === 1 ? "" : `C${i - 1}`}`);
  return rows.join("\n");
}

test("a whole-org PNG too big to read is refused in the app's words, with choices", async () => {
  // 700 layers: about 74,000 px tall, past 16,384 px even with names at
  // the smallest legible size.
  const people = 700;
  const csv = join(outDir, "chain.csv");
  writeFileSync(csv, chainCsv(people));
  const dialog = await $id("export-dialog");
  if (await dialog.isExisting()) {
    await (await browser.$('[data-testid="export-dialog"] button[aria-label="Close"]')).click();
    await dialog.waitForExist({ timeout: WAIT, reverse: true });
  }
  await (await $id("import-open")).click();
  const field = await $id("import-path");
  await field.waitForEnabled({ timeout: WAIT });
  await field.setValue(csv);
  await (await $id("import-next")).click();
  await (await $id("import-run")).waitForEnabled({ timeout: WAIT });
  await (await $id("import-run")).click();
  await (await $id("import-success")).waitForExist({ timeout: 120_000 });
  await (await $id("import-close")).click();
  await browser.waitUntil(async () => (await number("metric-people")) === people, {
    timeout: WAIT,
    timeoutMsg: "the chain was not imported",
  });

  const png = join(outDir, "chain.png");
  await exportTo("png", png);
  const error = await $id("export-error");
  await error.waitForDisplayed({ timeout: 120_000 });
  assert.equal(await error.getAttribute("data-code"), "image-too-large");
  const message = await text("export-error");
  assert.match(message, /too big for one image/);
  assert.doesNotMatch(message, /--root|--depth/, "no CLI flags");
  assert.ok(!existsSync(png), "nothing written");
  for (const choice of ["pdf", "svg", "layers"]) {
    assert.ok(await (await $id(`export-choice-${choice}`)).isDisplayed(), `offers ${choice}`);
  }

  await (await $id("export-choice-svg")).click();
  const svg = join(outDir, "chain.svg");
  await waitForSuccess(svg);
  assert.equal(await (await $id("export-format")).getValue(), "svg");
  assert.match(readFileSync(svg, "utf8"), /<svg [^>]*>/);
});

// End-to-end test of a company-wide file (issue 23): in
// tests/fixtures/chart/forest-1300.csv teams come from departments such as
// Sales, Finance and Support, and nobody has a cost. The importer guesses
// those teams are non-engineering, so staff+ coverage counts the
// engineering teams only; the Teams view shows their kind, lets the user
// change it, and shows an unknown cost as "—", not 0.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { $id, browser, orgraph, repo, startApp, text, useApp, WAIT, workspace } from "./harness.mjs";

useApp();

const FIXTURE = join(repo, "tests/fixtures/chart/forest-1300.csv");
const BUSINESS = ["Executive", "Finance", "Legal", "Marketing", "People", "Sales", "Support"];
const ENGINEERING = ["Engineering", "Product"];

/** The Teams view's rows: name, kind label, cost cell. */
async function teamRows() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="team-row"]')].map((row) => ({
      name: row.querySelector('[data-testid="team-name"]')?.textContent?.trim() ?? "",
      kind: row.querySelector('[data-testid="team-kind"]')?.textContent?.trim() ?? "",
      cost: row.querySelector('[data-testid="team-cost"]')?.textContent?.trim() ?? "",
    })),
  );
}

test("business departments are non-engineering teams and coverage counts the others", async () => {
  orgraph("import", FIXTURE, "--into", workspace);
  await startApp();
  await browser.waitUntil(async () => /engineering teams have staff\+/.test(await text("metric-coverage-counts")), {
    timeout: WAIT,
    timeoutMsg: "the metrics panel shows no coverage line",
  });
  assert.match(await text("metric-coverage-counts"), new RegExp(`^0 of ${ENGINEERING.length} engineering teams`));

  await (await $id("tab-teams")).click();
  await browser.waitUntil(async () => (await teamRows()).length === BUSINESS.length + ENGINEERING.length, {
    timeout: WAIT,
    timeoutMsg: "the Teams view does not list the file's nine teams",
  });
  const rows = await teamRows();
  for (const row of rows) {
    const expected = BUSINESS.includes(row.name) ? "Non-engineering" : "Stream-aligned";
    assert.equal(row.kind, expected, `${row.name}'s kind`);
    assert.equal(row.cost, "—", `${row.name}'s cost is unknown, not 0`);
  }

  // The user corrects a guess: Product is not an engineering team here.
  const product = await browser.$('[data-testid="team-row"][data-team-id="Product"]');
  await product.waitForExist({ timeout: WAIT });
  await product.click();
  await (await $id("team-kind-select")).selectByAttribute("value", "non-engineering");
  await browser.waitUntil(async () => /^0 of 1 engineering teams/.test(await text("metric-coverage-counts")), {
    timeout: WAIT,
    timeoutMsg: "coverage still counts Product after it became non-engineering",
  });
});

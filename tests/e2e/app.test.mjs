// End-to-end test of the real Orgraph desktop app: tauri-driver drives
// WebKitWebDriver, which starts the app binary with this process's
// environment (ORGRAPH_WORKSPACE points at a throw-away workspace).
//
// Run through tests/e2e/run.sh (builds the app with the UI embedded and
// starts Xvfb). Env:
//   ORGRAPH_APP_BINARY   absolute path of the app binary (required)
//   ORGRAPH_SCREENSHOT=1 also save docs/screenshots/app.png
//   TAURI_DRIVER         tauri-driver executable (default: on PATH or ~/.cargo/bin)

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const APP = process.env.ORGRAPH_APP_BINARY;
const WAIT = 20_000;

function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargo = join(homedir(), ".cargo/bin/tauri-driver");
  return existsSync(cargo) ? cargo : "tauri-driver";
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Pids of running processes whose executable is the app binary. */
function appPids() {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const exe = readlinkSync(`/proc/${entry}/exe`).replace(/ \(deleted\)$/, "");
      if (exe === APP) pids.push(Number(entry));
    } catch {
      // Not ours to read, or already gone.
    }
  }
  return pids;
}

let driver; // tauri-driver child process
let driverPort;
let workDir;
let workspace;
let browser;

async function waitForDriver(port) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    // A bare TCP connect: an HTTP request would make tauri-driver try to
    // proxy to WebKitWebDriver, which only starts with a session.
    const listening = await new Promise((ok) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        ok(true);
      });
      socket.once("error", () => ok(false));
    });
    if (listening) return;
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with ${driver.exitCode}`);
    await sleep(200);
  }
  throw new Error("tauri-driver did not start listening");
}

async function startApp() {
  browser = await remote({
    hostname: "127.0.0.1",
    port: driverPort,
    logLevel: "warn",
    connectionRetryCount: 0,
    connectionRetryTimeout: 60_000,
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP },
    },
  });
  browser.setTimeout({ implicit: 0 });
  await waitForMetrics();
}

async function quitApp() {
  if (!browser) return;
  const session = browser;
  browser = undefined;
  await session.deleteSession().catch(() => {});
  // Deleting the session closes the app; wait until the process is gone so
  // the next start opens the workspace fresh from disk.
  const deadline = Date.now() + WAIT;
  while (appPids().length > 0 && Date.now() < deadline) await sleep(200);
  for (const pid of appPids()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

const $id = (testid) => browser.$(`[data-testid="${testid}"]`);

/** Text content (WebKit's rendered-text atom drops text in ellipsised boxes). */
async function text(testid) {
  const el = await $id(testid);
  await el.waitForExist({ timeout: WAIT });
  return String(await el.getProperty("textContent")).replace(/\s+/g, " ").trim();
}

async function number(testid) {
  return Number((await text(testid)).replace(/[^\d.]/g, ""));
}

async function waitForMetrics() {
  const people = await $id("metric-people");
  await people.waitForExist({ timeout: 60_000 });
  await browser.waitUntil(async () => (await people.getText()).trim() !== "", { timeout: WAIT });
}

/** Types an id into the search box and presses Enter; waits for the details. */
async function selectViaSearch(id) {
  const input = await $id("search-input");
  await input.click();
  await input.clearValue();
  await input.setValue(id);
  await browser.keys(["Enter"]);
  await browser.waitUntil(
    async () => (await (await $id("details-name")).getAttribute("data-person-id")) === id,
    { timeout: WAIT, timeoutMsg: `search did not select ${id}` },
  );
}

async function managerId() {
  const el = await $id("details-manager");
  await el.waitForExist({ timeout: WAIT });
  return el.getAttribute("data-person-id");
}

/** The selected person's direct reports as {id, reports}. */
async function reports() {
  const items = await browser.$$('[data-testid="details-report"]');
  const out = [];
  for (const item of items) {
    out.push({
      id: await item.getAttribute("data-person-id"),
      reports: Number(await item.getAttribute("data-reports")),
    });
  }
  return out;
}

async function status() {
  return text("details-status");
}

/**
 * From `startId`, walks down to an active person without reports whose
 * manager has at least `teamSize` direct reports (so taking one away leaves
 * that manager a manager).
 */
async function findActiveLeaf(startId, teamSize = 1) {
  const queue = [startId];
  while (queue.length > 0) {
    await selectViaSearch(queue.shift());
    const below = await reports();
    if (below.length >= teamSize) {
      for (const r of below.filter((r) => r.reports === 0)) {
        await selectViaSearch(r.id);
        if ((await status()) === "Active") return r.id;
      }
    }
    queue.push(...below.filter((r) => r.reports > 0).map((r) => r.id));
  }
  throw new Error(`no active leaf under ${startId}`);
}

async function chooseInPicker(managerIdToPick) {
  await (await $id("change-manager-button")).click();
  const input = await $id("manager-picker-input");
  await input.waitForDisplayed({ timeout: WAIT });
  await input.setValue(managerIdToPick);
  const option = await browser.$(
    `[data-testid="manager-picker-option"][data-person-id="${managerIdToPick}"]`,
  );
  await option.waitForDisplayed({ timeout: WAIT });
  await option.click();
}

/** Last-resort cleanup: tauri-driver runs in its own process group. */
function killDriverGroup() {
  if (driver && driver.exitCode === null) {
    try {
      process.kill(-driver.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const pid of APP ? appPids() : []) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
process.on("exit", killDriverGroup);
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => {
    killDriverGroup();
    process.exit(1);
  });
}

before(async () => {
  assert.ok(APP, "set ORGRAPH_APP_BINARY to the app binary built with the UI embedded");
  assert.ok(existsSync(APP), `${APP} does not exist`);
  workDir = mkdtempSync(join(tmpdir(), "orgraph-e2e-"));
  workspace = join(workDir, "e2e.orgraph");
  driverPort = await freePort();
  const nativePort = await freePort();
  driver = spawn(tauriDriverPath(), ["--port", String(driverPort), "--native-port", String(nativePort)], {
    env: { ...process.env, ORGRAPH_WORKSPACE: workspace, ORGRAPH_LOG: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true, // own process group, so cleanup reaches WebKitWebDriver too
  });
  await waitForDriver(driverPort);
});

after(async () => {
  await quitApp().catch(() => {});
  if (driver && driver.exitCode === null) {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await sleep(300);
    try {
      process.kill(-driver.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

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

// Shared harness of the end-to-end tests: tauri-driver drives
// WebKitWebDriver, which starts the app binary with this process's
// environment (ORGRAPH_WORKSPACE points at a throw-away workspace, one per
// test file: node --test runs each file in its own process).
//
// Run through tests/e2e/run.sh (builds the app with the UI embedded and
// starts Xvfb). Env:
//   ORGRAPH_APP_BINARY   absolute path of the app binary (required)
//   ORGRAPH_SCREENSHOT=1 also save docs/screenshots/app.png
//   TAURI_DRIVER         tauri-driver executable (default: on PATH or ~/.cargo/bin)

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";
import { freePort, waitForListener } from "./ports.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
const APP = process.env.ORGRAPH_APP_BINARY;
export const WAIT = 20_000;

function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargo = join(homedir(), ".cargo/bin/tauri-driver");
  return existsSync(cargo) ? cargo : "tauri-driver";
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

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
// Live bindings: importers see the current session and workspace.
export let workspace;
export let browser;

/** The sessionStorage key of the app's once-per-session "edit the baseline itself" decision. */
export const BASELINE_EDITS_KEY = "orgraph.baselineEdits";

/**
 * Starts the app on the test's workspace. Tests edit the baseline on
 * purpose, so by default the once-per-session question before a baseline
 * edit is answered "Edit the baseline" up front, as the user would;
 * `askBeforeBaselineEdits` leaves it to be asked.
 */
export async function startApp({ askBeforeBaselineEdits = false } = {}) {
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
  if (!askBeforeBaselineEdits) {
    await browser.execute((key) => window.sessionStorage.setItem(key, "allowed"), BASELINE_EDITS_KEY);
  }
}

export async function quitApp() {
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

export const $id = (testid) => browser.$(`[data-testid="${testid}"]`);

/** Text content (WebKit's rendered-text atom drops text in ellipsised boxes). */
export async function text(testid) {
  const el = await $id(testid);
  await el.waitForExist({ timeout: WAIT });
  return String(await el.getProperty("textContent")).replace(/\s+/g, " ").trim();
}

export async function number(testid) {
  return Number((await text(testid)).replace(/[^\d.]/g, ""));
}

export async function waitForMetrics() {
  const people = await $id("metric-people");
  await people.waitForExist({ timeout: 60_000 });
  await browser.waitUntil(async () => (await people.getText()).trim() !== "", { timeout: WAIT });
}

/** Types an id into the search box and presses Enter; waits for the details. */
export async function selectViaSearch(id) {
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

export async function managerId() {
  const el = await $id("details-manager");
  await el.waitForExist({ timeout: WAIT });
  return el.getAttribute("data-person-id");
}

/** The selected person's direct reports as {id, reports}. */
export async function reports() {
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

export async function status() {
  return text("details-status");
}

/**
 * From `startId`, walks down to an active person without reports whose
 * manager has at least `teamSize` direct reports (so taking one away leaves
 * that manager a manager).
 */
export async function findActiveLeaf(startId, teamSize = 1) {
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

export async function chooseInPicker(managerIdToPick) {
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

/** Registers the hooks that start tauri-driver and clean up after the file. */
/** Runs the orgraph CLI (built by cargo if needed); its stderr is in the error if it fails. */
export function orgraph(...args) {
  execFileSync("cargo", ["run", "-q", "-p", "orgraph", "--bin", "orgraph", "--", ...args], {
    cwd: repo,
    stdio: ["ignore", "ignore", "pipe"],
  });
}

/** Picks scenario `name` in the switcher and waits until it is on show. */
export async function showScenario(name) {
  const select = await $id("scenario-select");
  await select.waitForExist({ timeout: WAIT });
  await select.selectByAttribute("value", name);
  await browser.waitUntil(
    async () => (await select.getAttribute("data-current")) === name && (await select.isEnabled()),
    { timeout: WAIT, timeoutMsg: `scenario ${name} is not on show` },
  );
}

export function useApp() {
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
    await waitForListener(driverPort, "tauri-driver", driver);
    await waitForListener(nativePort, "WebKitWebDriver", driver);
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
}

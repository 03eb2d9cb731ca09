// The chart's speed in the real app (see bench-ui.sh, `make bench-ui`).
// Usage: node bench-ui.mjs N=WORKSPACE ... with ORGRAPH_APP_BINARY set.
// For each workspace it starts the app on it and prints:
//   1. first paint of the chart (page clock and wall clock from process start),
//   2. frame times over a scripted 5 s pan/zoom (requestAnimationFrame in
//      the page), with the chart's own draw times and nodes on screen,
//   3. drop -> updated metrics for one drag-and-drop move,
//   4. one inline title edit in the People table until the table shows it.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { remote } from "webdriverio";
import { freePort, waitForListener } from "./ports.mjs";

const APP = process.env.ORGRAPH_APP_BINARY;
const WAIT = 120_000;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function appPid() {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`).replace(/ \(deleted\)$/, "") === APP) return Number(entry);
    } catch {
      // not ours
    }
  }
  return null;
}

/** Epoch milliseconds at which a process started (from /proc). */
function processStartEpochMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[19]); // field 22: starttime, in clock ticks since boot
  const btime = Number(/btime (\d+)/.exec(readFileSync("/proc/stat", "utf8"))[1]);
  return btime * 1000 + (ticks / 100) * 1000; // USER_HZ is 100 on Linux
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}
const ms = (v) => `${v.toFixed(1)} ms`;

async function byTestId(browser, id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: WAIT });
  return el;
}

async function select(browser, id) {
  const input = await byTestId(browser, "search-input");
  await input.click();
  await input.clearValue();
  await input.setValue(id);
  await browser.keys(["Enter"]);
  await browser.waitUntil(
    async () => (await (await byTestId(browser, "details-name")).getAttribute("data-person-id")) === id,
    { timeout: WAIT },
  );
}

async function reportsOf(browser) {
  const out = [];
  for (const item of await browser.$$('[data-testid="details-report"]')) {
    out.push({ id: await item.getAttribute("data-person-id"), reports: Number(await item.getAttribute("data-reports")) });
  }
  return out;
}

/** The scripted pan/zoom: 5 s of wheel zooms and arrow-key pans, one per frame. */
function panZoom(done) {
  const canvas = document.querySelector('[data-testid="chart-canvas"]');
  canvas.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  const r = canvas.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const frames = [];
  const draws = [];
  let maxVisible = 0;
  let lastFrames = window.__orgraphPerf.frames;
  let start = 0;
  let last = 0;
  const wheel = (deltaY) =>
    canvas.dispatchEvent(new WheelEvent("wheel", { deltaY, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
  const key = (k) => canvas.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  const step = (now) => {
    frames.push(now - last);
    last = now;
    const perf = window.__orgraphPerf;
    if (perf.frames !== lastFrames) {
      lastFrames = perf.frames;
      draws.push(perf.lastDrawMs);
      maxVisible = Math.max(maxVisible, perf.lastVisible);
    }
    const t = now - start;
    if (t >= 5000) return done({ frames, draws, maxVisible });
    if (t < 1200) wheel(-30); // zoom in
    else if (t < 2400) key("ArrowRight");
    else if (t < 3800) wheel(45); // zoom out, past the start
    else key(Math.floor(t / 100) % 2 ? "ArrowLeft" : "ArrowDown");
    requestAnimationFrame(step);
  };
  requestAnimationFrame((now) => {
    start = last = now;
    requestAnimationFrame(step);
  });
}

async function measureFrames(browser, label) {
  const result = await browser.executeAsync(panZoom);
  const f = stats(result.frames);
  const d = stats(result.draws);
  console.log(
    `  pan/zoom 5 s, ${label}: ${f.n} frames, frame p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}; ` +
      `draw p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)}; up to ${result.maxVisible} nodes on screen`,
  );
  return f;
}

/** Drags `from` onto `to` (world centres) with pointer events; ms until a metric changes. */
async function dropToMetrics(browser, from, to) {
  return browser.executeAsync(
    (from, to, done) => {
      const canvas = document.querySelector('[data-testid="chart-canvas"]');
      const r = canvas.getBoundingClientRect();
      const vx = Number(canvas.dataset.viewX);
      const vy = Number(canvas.dataset.viewY);
      const s = Number(canvas.dataset.viewScale);
      const at = (w) => ({ clientX: r.left + (w.x - vx) * s, clientY: r.top + (w.y - vy) * s });
      const fire = (type, p) =>
        canvas.dispatchEvent(
          new PointerEvent(type, { ...p, bubbles: true, cancelable: true, pointerId: 9, isPrimary: true, button: 0, buttons: type === "pointerup" ? 0 : 1 }),
        );
      const metricsText = () => [...document.querySelectorAll('[data-testid^="metric-"]')].map((e) => e.textContent).join("|");
      const before = metricsText();
      const a = at(from);
      const b = at(to);
      fire("pointerdown", a);
      fire("pointermove", { clientX: a.clientX + 10, clientY: a.clientY + 10 });
      fire("pointermove", b);
      const observer = new MutationObserver(() => {
        if (metricsText() === before) return;
        observer.disconnect();
        done({ ms: performance.now() - t0 });
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => (observer.disconnect(), done({ ms: NaN, error: document.querySelector('[data-testid="error-message"]')?.textContent ?? "no metric changed" })), 10_000);
      const t0 = performance.now();
      fire("pointerup", b);
    },
    from,
    to,
  );
}

async function selectedWorld(browser) {
  const c = await byTestId(browser, "chart-canvas");
  return { x: Number(await c.getAttribute("data-selected-x")), y: Number(await c.getAttribute("data-selected-y")) };
}

/** Starts tauri-driver and the app on `workspace`; resolves once a session is open. */
async function startApp(workspace) {
  const port = await freePort();
  const nativePort = await freePort();
  const driverPath = existsSync(join(homedir(), ".cargo/bin/tauri-driver")) ? join(homedir(), ".cargo/bin/tauri-driver") : "tauri-driver";
  const driver = spawn(driverPath, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, ORGRAPH_WORKSPACE: workspace, ORGRAPH_LOG: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const app = { driver, browser: null };
  try {
    await waitForListener(port, "tauri-driver", driver);
    await waitForListener(nativePort, "WebKitWebDriver", driver);
    app.browser = await remote({
      hostname: "127.0.0.1",
      port,
      logLevel: "warn",
      connectionRetryCount: 0,
      connectionRetryTimeout: WAIT,
      capabilities: { browserName: "wry", "wdio:enforceWebDriverClassic": true, "tauri:options": { application: APP } },
    });
    return app;
  } catch (error) {
    await stopApp(app);
    throw error;
  }
}

async function stopApp(app) {
  await app.browser?.deleteSession().catch(() => {});
  await sleep(500);
  try {
    process.kill(-app.driver.pid, "SIGKILL");
  } catch {
    // gone
  }
  const pid = appPid();
  if (pid) process.kill(pid, "SIGKILL");
}

/** Prints the first paint's marks; resolves with the page and process clocks. */
async function reportFirstPaint(browser, people, workspace) {
  await browser.waitUntil(async () => (await browser.execute(() => window.__orgraphPerf?.firstPaint ?? null)) !== null, {
    timeout: WAIT,
    interval: 50,
  });
  const marks = await browser.execute(() => ({ ...window.__orgraphPerf, origin: performance.timeOrigin }));
  const pid = appPid();
  const fromStart = pid ? marks.origin + marks.firstPaint - processStartEpochMs(pid) : NaN;
  console.log(`\n${people.toLocaleString("en")} people (${workspace})`);
  console.log(
    `  first paint: ${ms(marks.firstPaint)} after the page started (chart data requested at ${ms(marks.loadStart)}, ` +
      `${marks.firstPaintNodes} nodes drawn); ${ms(fromStart)} after the app process started (incl. opening the workspace)`,
  );
  console.log(
    `    steps: ${Object.entries(marks.steps)
      .map(([k, v]) => `${k} ${ms(v)}`)
      .join(", ")}, painted ${ms(marks.firstPaint)}`,
  );
  return { firstPaint: marks.firstPaint, fromStart };
}

/**
 * The webview's own frame costs here, with no app code: the idle frame
 * clock, one fillRect of the whole canvas per frame, and the smallest
 * repaint there is (one 100-pixel box). If the box costs as much as the
 * canvas, frame time is the webview's fixed cost per repainted frame
 * (software compositing under Xvfb), not a cost of what is drawn.
 */
async function reportFloors(browser) {
  const idle = await browser.executeAsync((done) => {
    const deltas = [];
    let last = 0;
    const step = (now) => {
      if (last) deltas.push(now - last);
      last = now;
      if (deltas.length >= 60) return done(deltas);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const i = stats(idle);
  console.log(`  idle requestAnimationFrame (nothing drawn): p50 ${ms(i.p50)}, p95 ${ms(i.p95)} (this machine's frame clock)`);
  const floor = await browser.executeAsync((done) => {
    const c = document.querySelector('[data-testid="chart-canvas"]');
    const ctx = c.getContext("2d");
    const deltas = [];
    let last = 0;
    const step = (now) => {
      if (last) deltas.push(now - last);
      last = now;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = deltas.length % 2 ? "#f8f9fb" : "#f7f8fa";
      ctx.fillRect(0, 0, c.width, c.height);
      if (deltas.length >= 120) return done(deltas);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const f0 = stats(floor);
  console.log(`  floor, one fillRect of the canvas per frame: p50 ${ms(f0.p50)}, p95 ${ms(f0.p95)}, max ${ms(f0.max)}`);
  const box = await browser.executeAsync((done) => {
    const el = document.createElement("div");
    Object.assign(el.style, { position: "fixed", left: "0", bottom: "0", width: "100px", height: "100px" });
    document.body.appendChild(el);
    const deltas = [];
    let last = 0;
    const step = (now) => {
      if (last) deltas.push(now - last);
      last = now;
      el.style.background = deltas.length % 2 ? "#f8f9fb" : "#f7f8fa";
      if (deltas.length >= 120) return el.remove(), done(deltas);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const b0 = stats(box);
  console.log(`  floor, one 100 px box recoloured per frame: p50 ${ms(b0.p50)}, p95 ${ms(b0.p95)}, max ${ms(b0.max)}`);
}

/** Frame times of the scripted pan/zoom, with the chart as opened and fully expanded. */
async function reportPanZoom(browser) {
  const frames = [];
  await (await byTestId(browser, "zoom-fit")).click();
  await sleep(500);
  frames.push(await measureFrames(browser, "top levels (as opened)"));
  await (await byTestId(browser, "expand-all")).click();
  await browser.waitUntil(async () => (await browser.execute(() => window.__orgraphPerf.lastVisible)) > 0, { timeout: WAIT });
  await sleep(1500);
  frames.push(await measureFrames(browser, "everyone expanded"));
  return frames;
}

/** Two leaf reports of one manager, found depth first from the root of someone named with an "a". */
async function findLeafPair(browser) {
  await (await byTestId(browser, "collapse-levels")).click();
  const input = await byTestId(browser, "search-input");
  await input.setValue("a");
  const option = await browser.$('[data-testid="search-option"]');
  await option.waitForDisplayed({ timeout: WAIT });
  await select(browser, await option.getAttribute("data-person-id"));
  const chain = await browser.$$('[data-testid="details-chain-item"]');
  const root = chain.length > 0 ? await chain[chain.length - 1].getAttribute("data-person-id") : await option.getAttribute("data-person-id");
  const queue = [root];
  for (let guard = 0; queue.length > 0 && guard < 200; guard++) {
    await select(browser, queue.shift());
    const below = await reportsOf(browser);
    const leaves = below.filter((r) => r.reports === 0);
    if (leaves.length >= 3) return [leaves[0].id, leaves[1].id];
    // Depth first: managers of ICs are deep, and each selection relayouts.
    queue.unshift(...below.filter((r) => r.reports > 0).map((r) => r.id));
  }
  throw new Error("no manager with three leaf reports found");
}

/** Drop -> metrics: a leaf onto a sibling leaf (who becomes a manager), on the baseline. */
async function reportDrop(browser) {
  // Answer the "edit the baseline or start a scenario?" question before
  // the drop, as a user who chose the baseline earlier in the session has.
  await browser.execute(() => window.sessionStorage.setItem("orgraph.baselineEdits", "allowed"));
  const pair = await findLeafPair(browser);
  await select(browser, pair[0]);
  const from = await selectedWorld(browser);
  await select(browser, pair[1]);
  const to = await selectedWorld(browser);
  await browser.execute(() => document.querySelector('[data-testid="chart-canvas"]').focus());
  await sleep(500);
  const drop = await dropToMetrics(browser, from, to);
  console.log(`  drop -> metrics: ${Number.isNaN(drop.ms) ? `failed (${drop.error})` : ms(drop.ms)} (moved ${pair[0]} under ${pair[1]})`);
  return drop.ms;
}

/**
 * People table: one inline title edit, from Enter until the table shows it
 * (the edit is applied, persisted, and the nodes, metrics and table reloaded).
 */
async function reportTitleEdit(browser) {
  await (await byTestId(browser, "tab-people")).click();
  const firstRow = await browser.$('[data-testid="people-row"]');
  await firstRow.waitForExist({ timeout: WAIT });
  const edited = await firstRow.getAttribute("data-person-id");
  // In the page: the first rendered row may sit in the overscan, out of view.
  await browser.execute((id) => {
    document
      .querySelector(`[data-testid="people-row"][data-person-id="${id}"] [data-testid="people-cell-title"]`)
      .dispatchEvent(new MouseEvent("dblclick", { bubbles: true, cancelable: true }));
  }, edited);
  await (await byTestId(browser, "people-editor")).waitForDisplayed({ timeout: WAIT });
  const edit = await browser.executeAsync((id, done) => {
    const editor = document.querySelector('[data-testid="people-editor"]');
    const value = `Bench title ${Date.now()}`;
    editor.value = value;
    editor.dispatchEvent(new Event("input", { bubbles: true }));
    const shown = () =>
      document.querySelector(`[data-testid="people-row"][data-person-id="${id}"] [data-testid="people-cell-title"]`)?.textContent?.trim();
    const observer = new MutationObserver(() => {
      if (shown() !== value) return;
      observer.disconnect();
      done({ ms: performance.now() - t0 });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => (observer.disconnect(), done({ ms: NaN })), 10_000);
    const t0 = performance.now();
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
  }, edited);
  console.log(`  people table title edit -> shown: ${Number.isNaN(edit.ms) ? "failed" : ms(edit.ms)} (${edited})`);
}

async function bench(people, workspace) {
  const app = await startApp(workspace);
  try {
    const { browser } = app;
    const { firstPaint, fromStart } = await reportFirstPaint(browser, people, workspace);
    await reportFloors(browser);
    const frames = await reportPanZoom(browser);
    const drop = await reportDrop(browser);
    await reportTitleEdit(browser);
    return { people, firstPaint, fromStart, frames, drop };
  } finally {
    await stopApp(app);
  }
}

if (!APP || !existsSync(APP)) {
  console.error("set ORGRAPH_APP_BINARY to the app built with the UI embedded");
  process.exit(2);
}
console.log(`bench-ui: ${APP}`);
for (const arg of process.argv.slice(2)) {
  const [n, workspace] = arg.split("=");
  await bench(Number(n), workspace);
}
console.log("\nGoals at 100k: first paint < 1000 ms, p95 frame < 33 ms, drop -> metrics < 100 ms.");

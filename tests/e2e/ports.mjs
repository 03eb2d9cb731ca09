// Ports for tauri-driver and the WebKitWebDriver it spawns, shared by the
// e2e harness and the UI benchmark.

import { connect, createServer } from "node:net";

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** A port nothing listens on right now. */
export function freePort() {
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

/**
 * Waits until something accepts TCP connections on `port`. Wait for both
 * tauri-driver and the WebKitWebDriver it spawns: tauri-driver listens at
 * once but proxies a new session to WebKitWebDriver, which may still be
 * starting on a cold machine (CI saw "Connection refused" there). A bare
 * connect, since an HTTP request to tauri-driver would be proxied. Fails
 * early if `child` (tauri-driver) exits.
 */
export async function waitForListener(port, name, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = await new Promise((ok) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        ok(true);
      });
      socket.once("error", () => ok(false));
    });
    if (listening) return;
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    await sleep(200);
  }
  throw new Error(`${name} did not start listening on port ${port}`);
}

#!/usr/bin/env bash
# Builds the app with the UI embedded and runs the end-to-end tests against
# it under Xvfb. Usage: bash tests/e2e/run.sh [FILE.test.mjs ...]
# (default: every test file; ORGRAPH_SCREENSHOT=1 also writes the
# screenshots in docs/screenshots/)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
export PATH="$HOME/.cargo/bin:$PATH"

BUILD_TIMEOUT="${ORGRAPH_E2E_BUILD_TIMEOUT:-1800}"
TEST_TIMEOUT="${ORGRAPH_E2E_TIMEOUT:-600}"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "e2e: missing $1 ($2)" >&2; exit 1; }
}
need xvfb-run "apt-get install xvfb xauth"
need WebKitWebDriver "apt-get install webkit2gtk-driver"
need tauri-driver "cargo install tauri-driver --version ^2 --locked"
need node "Node 20+"

# JS dependencies (lock files are committed; npm ci is reproducible).
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

# Build the app with the front end embedded (tauri build runs `npm run build`
# in ui/ first). A plain `cargo build` would make a binary that loads the Vite
# dev server, so this must run right before the tests.
echo "e2e: building the app (tauri build --debug --no-bundle)"
# Tell the CLI where things are: it would otherwise guess the front-end
# directory by looking for a package.json (and may find this one).
export TAURI_APP_PATH="$repo/src-tauri" TAURI_FRONTEND_PATH="$repo/ui"
timeout --kill-after=30 "$BUILD_TIMEOUT" ui/node_modules/.bin/tauri build --debug --no-bundle

target_dir="$(cargo metadata --format-version 1 --no-deps | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
export ORGRAPH_APP_BINARY="$target_dir/debug/orgraph-app"
[ -x "$ORGRAPH_APP_BINARY" ] || { echo "e2e: $ORGRAPH_APP_BINARY was not built" >&2; exit 1; }

echo "e2e: running against $ORGRAPH_APP_BINARY"
cd tests/e2e
if [ "$#" -gt 0 ]; then files=("$@"); else files=(./*.test.mjs); fi
timeout --kill-after=30 "$TEST_TIMEOUT" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  node --test --test-concurrency=1 --test-timeout=300000 "${files[@]}"

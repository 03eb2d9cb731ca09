#!/usr/bin/env bash
# `make bench-ui`: the chart's speed in the real app at 10k and 100k people.
# Builds the release app with the UI embedded (tauri build --no-bundle) and
# the release CLI, generates and imports each org into its own workspace,
# then runs bench-ui.mjs under Xvfb, which prints first paint, pan/zoom
# frame times and drop -> metrics. Env: BENCH_SIZES (default "10000 100000"),
# BENCH_APP_BINARY (skip the build and use this app binary).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
export PATH="$HOME/.cargo/bin:$PATH"
sizes="${BENCH_SIZES:-10000 100000}"

for tool in xvfb-run WebKitWebDriver tauri-driver node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench-ui: missing $tool (see tests/e2e/run.sh)" >&2; exit 1; }
done
[ -d ui/node_modules ] || (cd ui && npm ci --no-audit --no-fund)
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund)

target_dir="$(cargo metadata --format-version 1 --no-deps | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
if [ -n "${BENCH_APP_BINARY:-}" ]; then
  # An app already built with the UI embedded (e.g. tests/e2e/run.sh's debug build).
  echo "bench-ui: using $BENCH_APP_BINARY"
  export ORGRAPH_APP_BINARY="$BENCH_APP_BINARY"
else
  echo "bench-ui: building the release app (tauri build --no-bundle)"
  export TAURI_APP_PATH="$repo/src-tauri" TAURI_FRONTEND_PATH="$repo/ui"
  ui/node_modules/.bin/tauri build --no-bundle
  export ORGRAPH_APP_BINARY="$target_dir/release/orgraph-app"
fi
cargo build --release --bin orgraph
cli="$target_dir/release/orgraph"

work="$(mktemp -d /tmp/orgraph-bench-ui.XXXXXX)"
trap 'rm -rf "$work"' EXIT
workspaces=()
for n in $sizes; do
  "$cli" generate --people "$n" --seed 1 --output "$work/people-$n.csv" >/dev/null
  "$cli" import "$work/people-$n.csv" --into "$work/bench-$n.orgraph" >/dev/null
  workspaces+=("$n=$work/bench-$n.orgraph")
done

cd tests/e2e
xvfb-run -a -s "-screen 0 1280x800x24" node bench-ui.mjs "${workspaces[@]}"

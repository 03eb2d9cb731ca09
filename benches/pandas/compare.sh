#!/usr/bin/env bash
# Whole-process `orgraph metrics --json` vs the vectorised pandas baseline on
# the same 100k-person CSV. Prints both medians and the speed-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Debian's own python3 refuses `pip install` outside a virtual environment
# (PEP 668), so pandas goes into one under target/ when it is missing.
python=python3
if ! python3 -c "import pandas" 2>/dev/null; then
    venv=target/pandas-venv
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -c "import pandas" 2>/dev/null || "$venv/bin/python" -m pip install --quiet pandas
    python="$venv/bin/python"
fi
cargo build --release --quiet --bin orgraph
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./target/release/orgraph generate --people 100000 --seed 1 --output "$dir/org.csv"
"$python" - "$dir/org.csv" <<'PY'
import json, statistics, subprocess, sys, time
csv = sys.argv[1]
def run(cmd, n=7):
    times, out = [], None
    for _ in range(n):
        start = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True).stdout
        times.append(time.perf_counter() - start)
    return statistics.median(times), json.loads(out)
rust_t, rust = run(["./target/release/orgraph", "metrics", "--json", csv])
py_t, py = run([sys.executable, "benches/pandas/spans_layers.py", csv])
for key in ("people", "managers", "layers"):
    assert rust[key] == py[key], (key, rust[key], py[key])
assert rust["span"]["median"] == py["span"]["median"], (rust["span"], py["span"])
print(f"orgraph metrics --json : {rust_t*1000:8.1f} ms (all metrics)")
print(f"pandas spans+layers    : {py_t*1000:8.1f} ms")
print(f"speed-up               : {py_t/rust_t:8.1f}x")
PY

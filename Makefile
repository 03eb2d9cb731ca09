# Orgraph: `make run` launches the app, `make test` runs every test. Both
# install what is missing first, on a fresh Debian/Ubuntu machine.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
# Tests and CI never touch the user's real default workspace.
CARGO ?= cargo

APT_PACKAGES := build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev \
	libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libsoup-3.0-dev libxdo-dev \
	xvfb xauth webkit2gtk-driver imagemagick python3 python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TAURI := ui/node_modules/.bin/tauri

.PHONY: run test deps deps-system deps-ui deps-tools lint test-rust test-fuzz test-ui test-e2e bench bench-ui bench-pandas screenshot clean

## run: install what is missing, build the UI and launch the desktop app on the default workspace
run: deps-system deps-ui
	cd ui && npm run build
	$(CARGO) run -p orgraph-app --features tauri/custom-protocol

## test: fmt, clippy, Rust unit/property/integration tests, UI unit tests, end-to-end tests of the real app
test: deps lint test-rust test-fuzz test-ui test-e2e

deps: deps-system deps-ui deps-tools

deps-system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deps-ui:
	@if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then \
		cd ui && npm ci --no-audit --no-fund; \
	fi

deps-tools:
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --version ^2 --locked
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked

lint: deps-ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

test-rust:
	$(CARGO) test --workspace

## test-fuzz: a short run of every fuzz target (fuzz/) from its committed corpus; a crash fails
# New inputs go to a scratch folder, so the committed corpus stays as it is.
# A fixed seed and run count keep the smoke the same from one run to the
# next; the long runs (fuzz/README.md) explore.
FUZZ_TARGETS := csv_import xlsx_import workspace_image change_json
FUZZ_SMOKE_RUNS ?= 3000
test-fuzz: deps-tools
	cd fuzz && $(CARGO) fuzz build -s none -O
	@for target in $(FUZZ_TARGETS); do \
		scratch=$$(mktemp -d); \
		if (cd fuzz && $(CARGO) fuzz run -s none -O $$target $$scratch corpus/$$target -- \
			-seed=1 -runs=$(FUZZ_SMOKE_RUNS) -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1) >$$scratch.log 2>&1; then \
			echo "fuzz $$target: $$(grep -o 'number_of_executed_units: *[0-9]*' $$scratch.log)"; \
			rm -rf $$scratch $$scratch.log; \
		else \
			tail -n 60 $$scratch.log; rm -rf $$scratch $$scratch.log; \
			echo "fuzz target $$target failed (input kept in fuzz/artifacts/$$target/)"; exit 1; \
		fi; \
	done

test-ui: deps-ui
	cd ui && npm test

test-e2e: deps
	bash tests/e2e/run.sh

## bench: criterion benchmarks of the core (import, metrics, move, layout)
bench:
	$(CARGO) bench -p orgraph

## bench-ui: the chart in the real (release) app at 10k and 100k people: first paint, pan/zoom frame times, drop -> metrics
bench-ui: deps
	bash tests/e2e/bench-ui.sh

## bench-pandas: whole-process `orgraph metrics --json` vs a vectorised pandas script at 100k people
bench-pandas: deps-system
	bash benches/pandas/compare.sh

clean:
	$(CARGO) clean
	rm -rf ui/node_modules ui/dist

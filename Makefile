# The two commands of the README:
#   make serve   installs what is missing and serves the standalone page on the bundled data
#   make test    installs what is missing and runs every test
# Tools come from crates.io, npm and Debian only (see scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve test setup setup-test check unit build dist package browser-test bench-smoke bench bench-peers bench-host bench-profile screenshots clean

serve: setup
	CARGO_TARGET_DIR=$(PAGE_TARGET) trunk serve --open=false

# Each target names what it really needs, so `make -j2 test` runs independent steps side
# by side. setup-test runs after setup (never two installers at once).
setup:
	scripts/setup.sh build

setup-test: setup
	scripts/setup.sh test

# Everything: formatting, lints, native tests (model, dataset, SSR), then the browser
# tests against the page that `trunk build --release` produces and the embed (make dist),
# and a smoke run of the peer benchmark so it cannot rot.
test: setup-test check unit build dist package browser-test bench-smoke precompressed

check: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --no-default-features -- -D warnings
	cargo clippy --lib --no-default-features --features converter-module -- -D warnings
	cargo clippy --all-targets --features editor -- -D warnings

unit: setup
	cargo test
	cargo test --features editor --lib editor

# The page builds in a target directory of its own: side by side with dist (make -j2),
# the two cargo runs over one target directory handed one of them the other's module.
PAGE_TARGET := $(CURDIR)/target/page

# Both pages of the site: index.html, and editor.html beside it (Trunk.toml's build hook,
# scripts/editor-page.sh).
build: setup
	CARGO_TARGET_DIR=$(PAGE_TARGET) trunk build --release

# dist/pkg/: the npm package for bundlers (wasm-pack build --target web). After dist:
# both link target/wasm32-unknown-unknown/release/timeline.wasm (with other features) and
# then read it, so side by side one would bind the other's module.
package: setup-test dist
	scripts/package.sh

# dist/embed/: the script-tag embed (embed.js, glue, wasm, fallback.html), stable names.
dist: setup
	scripts/dist.sh

browser-test: setup-test build dist package
	node tests/browser/run.mjs
	node tests/browser/vertical.mjs
	node tests/browser/embed.mjs
	node tests/browser/editor.mjs

# The .br and .gz twins of dist/embed/ decompress to their files; no browser needed.
.PHONY: precompressed
precompressed: setup dist
	node tests/precompressed.mjs

# Not part of `make test`: timings are too noisy to assert on; they are reported.
bench: setup-test build
	node bench/widget.mjs
	node bench/vertical.mjs

# Our embed against vis-timeline and TimelineJS3 on 100 to 100,000 events: writes
# bench/results.md (takes about an hour on 2 cores).
bench-peers: setup-test build dist
	node bench/peers.mjs

# Where our widget spends its time next to vis-timeline (CPU profile and trace of the load
# and the zoom script, with a build that keeps function names): writes bench/profile.md.
bench-profile: setup-test dist
	node bench/profile.mjs

# What each widget costs the article around it: Lighthouse (mobile, simulated throttling)
# on an article alone and with ours, vis-timeline and TimelineJS3 above and below the fold,
# median of 3; replaces the host-page section of bench/results.md (about 15 minutes).
bench-host: setup-test dist
	node bench/host.mjs

# The peer benchmark on 100 events, one run (about 35 s), and the host-page benchmark on
# the article alone and with our default embed, one run: fails if a widget does not render
# or a figure is missing. Part of `make test`.
bench-smoke: setup-test dist
	node bench/peers.mjs --smoke
	node bench/host.mjs --smoke

screenshots: setup-test build
	node tests/browser/screenshots.mjs
	node tests/browser/editor-screenshots.mjs

clean:
	cargo clean
	rm -rf dist

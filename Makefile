# The two commands of the README:
#   make serve   installs what is missing and serves the standalone page on the bundled data
#   make test    installs what is missing and runs every test
# Tools come from crates.io, npm and Debian only (see scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve test setup setup-test check unit build dist package browser-test bench screenshots clean

serve: setup
	trunk serve --open=false

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

# Everything: formatting, lints, native tests (model, dataset, SSR), then the browser
# tests against the page that `trunk build --release` produces and the embed (make dist).
test: setup-test check unit build dist package browser-test

check:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

unit:
	cargo test

build:
	trunk build --release

# dist/pkg/: the npm package for bundlers (wasm-pack build --target web).
package: setup-test
	scripts/package.sh

# dist/embed/: the script-tag embed (embed.js, glue, wasm, fallback.html), stable names.
dist: setup
	scripts/dist.sh

browser-test:
	node tests/browser/run.mjs
	node tests/browser/embed.mjs

# Not part of `make test`: timings are too noisy to assert on; they are reported.
bench: setup-test build
	node bench/widget.mjs

screenshots: setup-test build
	node tests/browser/screenshots.mjs

clean:
	cargo clean
	rm -rf dist

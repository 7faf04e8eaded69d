#!/usr/bin/env bash
# Builds dist/pkg/: the npm package for bundler users (`wasm-pack build --target web`),
# then shrinks its module with npm binaryen's wasm-opt (wasm-pack's own download is off).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> wasm-pack build --target web"
wasm-pack --quiet build --target web --release --out-dir dist/pkg --out-name timeline
echo "==> scripts/wasm-opt.sh (the flags of every module we ship)"
scripts/wasm-opt.sh dist/pkg/timeline_bg.wasm
# The package's README is the project's; its module is self-contained (data and CSS inside).
ls -l dist/pkg

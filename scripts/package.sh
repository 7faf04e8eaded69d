#!/usr/bin/env bash
# Builds dist/pkg/: the npm package for bundler users (`wasm-pack build --target web`),
# then shrinks its module with npm binaryen's wasm-opt (wasm-pack's own download is off).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> wasm-pack build --target web"
wasm-pack --quiet build --target web --release --out-dir dist/pkg --out-name timeline
# The flags of scripts/dist.sh (see there).
echo "==> wasm-opt -Oz --flatten --rereloop -Oz --converge --low-memory-unused"
wasm-opt -Oz --flatten --rereloop -Oz --converge --low-memory-unused --strip-debug --strip-producers \
  dist/pkg/timeline_bg.wasm -o dist/pkg/timeline_bg.wasm
# The package's README is the project's; its module is self-contained (data and CSS inside).
ls -l dist/pkg

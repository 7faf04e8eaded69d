#!/usr/bin/env bash
# Builds dist/embed/: what a newsroom copies to its server or CDN, with stable names.
#   embed.js          the loader (the one script tag)
#   timeline.js       the wasm-bindgen glue (ES module, loaded by embed.js)
#   timeline_bg.wasm  the widget, with the CSS and the default data compiled in
#   fallback.html     the static event list (no-JS fallback) to paste inside the div;
#                     fallback-fr.html and fallback-fa.html in French and Persian
set -euo pipefail
cd "$(dirname "$0")/.."
# terser and wasm-opt from npm (package.json) first.
export PATH="$PWD/node_modules/.bin:$PATH"
out=dist/embed
rm -rf "$out" && mkdir -p "$out"
echo "==> Building the WebAssembly module (release)"
cargo build --release --lib --target wasm32-unknown-unknown
echo "==> wasm-bindgen --target web"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name timeline \
  target/wasm32-unknown-unknown/release/timeline.wasm
# --converge repeats -Oz while it still shrinks the module. --low-memory-unused lets
# wasm-opt fold constant offsets into loads and stores: sound for Rust's wasm32 layout,
# where the data starts at 1 MB above the stack and nothing lives in the first 1 KB.
# (The same flags in scripts/package.sh and index.html.)
echo "==> wasm-opt -Oz --converge --low-memory-unused"
wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers \
  "$out/timeline_bg.wasm" -o "$out/timeline_bg.wasm"
# Both scripts are downloaded by every reader: minified they are about 40% smaller gzipped.
# terser (npm, package.json) is pure JavaScript; the loader is a classic script, the glue
# an ES module (its exports keep their names).
echo "==> terser: the loader and the glue"
terser assets/embed.js --compress --mangle -o "$out/embed.js"
terser "$out/timeline.js" --module --compress --mangle -o "$out/timeline.js"
echo "==> The no-JS fallback (server-side rendered list of the bundled events)"
cargo run --quiet --release --features ssr --bin timeline-fallback -- en > "$out/fallback.html"
for lang in fr fa; do
  cargo run --quiet --release --features ssr --bin timeline-fallback -- "$lang" > "$out/fallback-$lang.html"
done
echo "==> Sizes (bytes, gzip -9)"
for f in "$out"/*; do printf '%8d %8d  %s\n' "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)" "$(basename "$f")"; done

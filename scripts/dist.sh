#!/usr/bin/env bash
# Builds dist/embed/: what a newsroom copies to its server or CDN, with stable names.
#   embed.js          the loader (the one script tag): reserves each widget's box, and
#                     downloads nothing more until the widget is near the viewport
#   embed-mount.js    the rest of the loader (an ES module), which embed.js fetches
#                     with the module when a widget is near
#   timeline.js       the wasm-bindgen glue (ES module, loaded by embed.js)
#   timeline_bg.wasm  the widget, with the CSS compiled in; one module for every page:
#                     no data in it (the cargo feature bundled-data is off), and no reader
#                     of other formats (nor `converters`)
#   convert.js        the converter (glue and wasm): TimelineJS3's files and spreadsheets
#   convert_bg.wasm   read into our format, fetched by embed-mount.js only for such data
#   events.json       the default data, every language (for data-src and downloads)
#   events.en.json    the default data in one language each (timeline convert --lang), and
#   events.fr.json    events.fa.json: embed.js fetches the reader's, at the same time as
#                     the module, for a widget that brings no data of its own; the widget
#                     fetches another when the reader switches to it
#   fallback.html     the static event list (no-JS fallback) to paste inside the div;
#                     fallback-fr.html and fallback-fa.html in French and Persian
#   timeline.css      the widget's stylesheet, linked only where a browser lacks
#                     constructable stylesheets
#   embed.js.sri      the SRI hash of embed.js for the snippet's integrity attribute;
#                     snippet.html the snippet with it
#   *.br, *.gz        every file above precompressed (brotli -q 11, gzip -9 -n), written
#                     last by scripts/precompress.mjs; the hashes are the plain files'
# embed.js carries the sha256 hashes of the files it loads (written here, never by hand:
# the placeholder '@TIMELINE_INTEGRITY@' in assets/embed.js) and refuses a changed file.
# Then dist/test-trap/, for the browser tests only (never to be shipped): the loader with
# a module built with the `trap` feature, which panics on a test's command.
set -euo pipefail
cd "$(dirname "$0")/.."
# terser and wasm-opt from npm (package.json) first.
export PATH="$PWD/node_modules/.bin:$PATH"
out=dist/embed
rm -rf "$out" && mkdir -p "$out"
# One module: built with the given cargo feature flags, bound and shrunk as `name`.
module() {
  local name=$1
  shift
  echo "==> $name: the WebAssembly module (release $*)"
  cargo build --release --lib --target wasm32-unknown-unknown "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/timeline.wasm"
  scripts/wasm-opt.sh "$out/${name}_bg.wasm"
  terser "$out/$name.js" --module --compress --mangle -o "$out/$name.js"
}
module timeline --no-default-features
# The readers of TimelineJS3's files and of spreadsheets, in a module of their own: the
# loader fetches it only for data in those formats (src/model/validate/converted.rs).
module convert --no-default-features --features converter-module
# The default data as the loader fetches it, without whitespace.
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))))' \
  assets/events.json "$out/events.json"
# One language each, as the loader fetches them (the languages of src/locale/).
cargo build --quiet --release --bin timeline
for lang in en fr fa; do
  "${CARGO_TARGET_DIR:-target}/release/timeline" convert assets/events.json --lang "$lang" -o "$out/events.$lang.json"
  node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[1], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))))' "$out/events.$lang.json"
done
# Both scripts are downloaded by every reader: minified they are about 40% smaller gzipped.
# terser (npm, package.json) is pure JavaScript; the loader is a classic script, the glue
# (above) an ES module (its exports keep their names).
# The stylesheet linked where a browser has no constructable stylesheets: its rem lengths
# as pixels, as build.rs writes the one compiled into the module (inside a shadow root rem
# is the host page's root font size).
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], fs.readFileSync(process.argv[1], "utf8").replace(/(^|[^\w#.])(\d*\.?\d+)rem(?![\w-])/g, (_, before, n) => before + Math.round(n * 16 * 1e4) / 1e4 + "px"))' \
  assets/timeline.css "$out/timeline.css"
# The SRI value (sha384, base64) of a file.
sri() { node -e 'process.stdout.write("sha384-" + require("crypto").createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1"; }
# The loader for the files of folder $1, with their hashes in it, minified into $1/embed.js.
loader() {
  local dir=$1 tmp
  tmp=$(mktemp --suffix=.js)
  node -e '
    const fs = require("fs"), crypto = require("crypto"), path = require("path");
    const [src, dir, dest] = process.argv.slice(1);
    const hashes = {};
    // sha256: as safe for this, and 20 bytes less per file (the loader is read by every reader).
    for (const name of ["embed-mount.js", "timeline.js", "timeline_bg.wasm", "events.en.json", "events.fr.json", "events.fa.json", "timeline.css"]) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) hashes[name] = "sha256-" + crypto.createHash("sha256").update(fs.readFileSync(file)).digest("base64");
    }
    const text = fs.readFileSync(src, "utf8");
    const placeholder = "\u0027@TIMELINE_INTEGRITY@\u0027";
    if (text.split(placeholder).length !== 2) throw new Error("the integrity placeholder is not in " + src + " exactly once");
    fs.writeFileSync(dest, text.replace(placeholder, JSON.stringify(hashes)));
  ' assets/embed.js "$dir" "$tmp"
  terser "$tmp" --compress --mangle -o "$dir/embed.js"
  rm -f "$tmp"
  if grep -q '@TIMELINE_INTEGRITY@' "$dir/embed.js"; then echo "ERROR: $dir/embed.js has no hashes" >&2; exit 1; fi
}
echo "==> terser: the loader, with the hashes of the files it loads"
# embed-mount.js carries the converter's hashes (its own is in embed.js).
node -e '
  const fs = require("fs"), crypto = require("crypto"), path = require("path");
  const [src, dir, dest] = process.argv.slice(1);
  const hashes = {};
  for (const name of ["convert.js", "convert_bg.wasm"]) {
    hashes[name] = "sha256-" + crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, name))).digest("base64");
  }
  const text = fs.readFileSync(src, "utf8");
  const placeholder = "\u0027@CONVERTER_INTEGRITY@\u0027";
  if (text.split(placeholder).length !== 2) throw new Error("the converter placeholder is not in " + src + " exactly once");
  fs.writeFileSync(dest, text.replace(placeholder, JSON.stringify(hashes)));
' assets/embed-mount.js "$out" "$out/embed-mount.src.js"
terser "$out/embed-mount.src.js" --module --compress --mangle -o "$out/embed-mount.js"
rm "$out/embed-mount.src.js"
loader "$out"
sri "$out/embed.js" > "$out/embed.js.sri"
printf '<div data-timeline data-height="640px" style="min-height:640px"></div>\n<script src="https://example.org/timeline/embed.js" integrity="%s" crossorigin="anonymous" async></script>\n' \
  "$(cat "$out/embed.js.sri")" > "$out/snippet.html"
echo "==> embed.js integrity (for the snippet): $(cat "$out/embed.js.sri")"
echo "==> The no-JS fallback (server-side rendered list of the bundled events)"
cargo run --quiet --release --bin timeline -- fallback --lang en > "$out/fallback.html"
for lang in fr fa; do
  cargo run --quiet --release --bin timeline -- fallback --lang "$lang" > "$out/fallback-$lang.html"
done
echo "==> dist/test-trap/: the loader and a module that panics on command (browser tests only)"
test_out=dist/test-trap
rm -rf "$test_out" && mkdir -p "$test_out"
cargo build --release --lib --target wasm32-unknown-unknown --no-default-features --features trap
wasm-bindgen --target web --no-typescript --out-dir "$test_out" --out-name timeline \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/timeline.wasm"
# Not shrunk: it only needs to trap as a shipped module would.
cp "$out"/events*.json "$out/timeline.css" "$out/embed-mount.js" "$out"/convert* "$test_out/"
loader "$test_out"
if grep -l 'timeline-trap' "$out"/* >/dev/null; then
  echo "ERROR: the trap build leaked into $out: $(grep -l 'timeline-trap' "$out"/*)" >&2
  exit 1
fi
# Last, once every file is final (embed.js with its hashes): each file's .br and .gz twin
# for servers that send them as they are (README, "Serving the files"); the sizes.
node scripts/precompress.mjs "$out"

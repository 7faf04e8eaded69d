#!/usr/bin/env bash
# The editor page (editor.html) in the site that `trunk build` and `trunk serve` make of
# index.html: Trunk 0.21 builds one HTML file per run and empties its dist folder before
# it moves a build in, so a second `trunk build` into dist/site would delete the first.
# This is Trunk's `build`-stage hook (Trunk.toml), run while index.html is being built:
# it builds editor.html with a nested `trunk build` into a folder of its own, then copies
# that page's files into index.html's staging folder, so both pages land in dist/site
# together (and `trunk serve` rebuilds and serves both). Post-build hooks (wasm-opt.sh)
# run after this, on both modules. The nested build runs these hooks too, and does
# nothing in them (TIMELINE_NESTED).
set -euo pipefail
[ -z "${TIMELINE_NESTED:-}" ] || exit 0
: "${TRUNK_STAGING_DIR:?run this as the build hook of Trunk (Trunk.toml)}"
[ "$(basename "${TRUNK_HTML_FILE:-}")" = index.html ] || exit 0
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
out="${CARGO_TARGET_DIR:-$repo/target}/editor-site"
args=(build editor.html --html-output editor.html --dist "$out" --public-url "${TRUNK_PUBLIC_URL:-/}")
[ "${TRUNK_PROFILE:-}" = release ] && args+=(--release)
echo "editor-page.sh: trunk ${args[*]}"
env -u TRUNK_STAGING_DIR -u TRUNK_DIST_DIR -u TRUNK_HTML_FILE -u TRUNK_SOURCE_DIR -u TRUNK_PROFILE \
  TIMELINE_NESTED=1 "${TRUNK:-trunk}" "${args[@]}"
# The page first, then its files: a module must never be in the staging folder before
# the page that names its hash.
cp "$out/editor.html" "$TRUNK_STAGING_DIR/editor.html"
for file in "$out"/*; do
  [ "$(basename "$file")" = editor.html ] || cp -r "$file" "$TRUNK_STAGING_DIR/"
done
echo "editor-page.sh: editor.html and its files staged"

#!/usr/bin/env bash
# The one place of the wasm-opt flags, for every module we ship (npm binaryen's wasm-opt).
#   scripts/wasm-opt.sh FILE.wasm   shrinks FILE in place (scripts/dist.sh, scripts/package.sh)
#   scripts/wasm-opt.sh             as Trunk's post_build hook (Trunk.toml): in a release
#                                   build, shrinks the pages' modules in $TRUNK_STAGING_DIR
#                                   and updates their integrity hashes in the staged pages
#                                   (Trunk computed them before the hook runs): index.html,
#                                   and editor.html that scripts/editor-page.sh put there
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$repo/node_modules/.bin:$PATH"

# -Oz, and --converge repeats it while it still shrinks the module. --low-memory-unused
# lets wasm-opt fold constant offsets into loads and stores: sound for Rust's wasm32
# layout, where the data starts at 1 MB above the stack and nothing lives in the first
# 1 KB. --flatten --rereloop between two -Oz rebuild the control flow, which -Oz then
# shrinks further: 692 B less gzip on the lean module, for about 25 s more. Debug info,
# names and the producers section go: no `strip` in Cargo.toml, which would drop the
# target_features section that wasm-bindgen and wasm-opt read.
shrink() {
  wasm-opt -Oz --flatten --rereloop -Oz --converge --low-memory-unused --strip-debug --strip-producers \
    "$1" -o "$1"
}

# A file's subresource-integrity value, as Trunk writes it (sha384, base64).
sri() {
  node -e 'const c = require("crypto"), fs = require("fs");
    process.stdout.write("sha384-" + c.createHash("sha384").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$1"
}

if [ $# -gt 0 ]; then
  for file in "$@"; do
    shrink "$file"
  done
  exit 0
fi

: "${TRUNK_STAGING_DIR:?give a .wasm file, or run this as the post_build hook of Trunk}"
[ "${TRUNK_PROFILE:-}" = release ] || exit 0 # as Trunk's own wasm-opt: release builds only
# The nested build of editor.html (scripts/editor-page.sh): its module is shrunk once,
# by the outer build's run of this hook.
[ -z "${TIMELINE_NESTED:-}" ] || exit 0
shopt -s nullglob
pages=("$TRUNK_STAGING_DIR"/*.html)
modules=("$TRUNK_STAGING_DIR"/*_bg.wasm)
[ ${#modules[@]} -gt 0 ] || { echo "wasm-opt.sh: no *_bg.wasm in $TRUNK_STAGING_DIR" >&2; exit 1; }
for wasm in "${modules[@]}"; do
  before=$(wc -c < "$wasm")
  old=$(sri "$wasm")
  shrink "$wasm"
  new=$(sri "$wasm")
  # Base64 has no '|' and no sed metacharacter but '+' and '/', literal here.
  for html in "${pages[@]}"; do
    if grep -qF "$old" "$html"; then sed -i "s|$old|$new|g" "$html"; fi
  done
  echo "wasm-opt.sh: $(basename "$wasm") $before -> $(wc -c < "$wasm") bytes"
done

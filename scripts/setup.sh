#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there at the
# right version. Every step says what it does and fails with a clear message, never hangs:
# network steps run under `timeout`.
#
#   scripts/setup.sh build   # wasm32 target, trunk, wasm-bindgen-cli, wasm-opt (npm binaryen)
#   scripts/setup.sh test    # the above, plus wasm-pack and Chromium ($CHROMIUM, else Debian's)
#
# Only the package registries are used: crates.io (cargo), npm, Debian (apt).
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must match the wasm-bindgen library that Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() {
  printf '\033[31mERROR: %s\033[0m\n' "$*" >&2
  exit 1
}
# Runs a command that may use the network, with a deadline so it cannot hang forever.
with_deadline() {
  local seconds=$1
  shift
  timeout --foreground "$seconds" "$@" || {
    local code=$?
    if [ "$code" -eq 124 ]; then fail "timed out after ${seconds}s: $*"; fi
    return "$code"
  }
}

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

need_command() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is required but not installed ($2)"
}

ensure_rust_target() {
  need_command rustup "install Rust with rustup: https://rustup.rs"
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
  else
    say "Adding the wasm32-unknown-unknown target"
    with_deadline 600 rustup target add wasm32-unknown-unknown || fail "could not add the wasm32 target"
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
  else
    say "Installing trunk $TRUNK_VERSION from crates.io (about 6 minutes)"
    with_deadline 2400 cargo install --locked "trunk@$TRUNK_VERSION" || fail "could not install trunk $TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  [ -n "$WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen version found in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
  else
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version Cargo.lock pins)"
    # Not --locked: the registry lacks one of its locked dependencies.
    with_deadline 2400 cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" ||
      fail "could not install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  fi
  grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
    fail "Trunk.toml pins another wasm-bindgen than Cargo.lock ($WASM_BINDGEN_VERSION): update [tools] wasm_bindgen"
}

ensure_npm_packages() {
  need_command npm "install Node.js 20 and npm (Debian: apt-get install nodejs npm)"
  # npm ci only when node_modules is missing or older than the lock file.
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    say "npm packages (package-lock.json): present"
  else
    say "Installing npm packages from package-lock.json (binaryen $BINARYEN_VERSION, terser, playwright-core, axe-core, and the bench's peers vis-timeline and TimelineJS3)"
    with_deadline 900 npm ci --no-audit --no-fund --fetch-timeout=60000 || fail "npm ci failed"
  fi
  [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = "$BINARYEN_VERSION" ] ||
    fail "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_VERSION"
}

ensure_wasm_pack() {
  if [ "$(wasm-pack --version 2>/dev/null)" = "wasm-pack $WASM_PACK_VERSION" ]; then
    say "wasm-pack $WASM_PACK_VERSION: present"
  else
    say "Installing wasm-pack $WASM_PACK_VERSION from crates.io (a few minutes)"
    # Without --locked, as verified to build with Rust 1.95 on this machine kind.
    with_deadline 2400 cargo install "wasm-pack@$WASM_PACK_VERSION" || fail "could not install wasm-pack $WASM_PACK_VERSION"
  fi
}

# The browser the tests drive: $CHROMIUM if set (as tests/browser/harness.mjs honours it),
# else Debian's /usr/bin/chromium, installed when missing. Nothing else of Chromium's
# (no chromedriver): the tests drive it with playwright-core over its DevTools protocol.
ensure_chromium() {
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] || fail "CHROMIUM=$CHROMIUM is not an executable"
    say "Chromium: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | head -n1))"
    return
  fi
  if [ -x /usr/bin/chromium ]; then
    say "Chromium: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
    return
  fi
  say "Installing Chromium from Debian's packages"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "Chromium is missing and installing it needs root: apt-get install chromium (or set CHROMIUM to a Chromium binary)"
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  with_deadline 900 $sudo apt-get -o Acquire::http::Timeout=60 -o Acquire::Retries=2 update -q || fail "apt-get update failed"
  with_deadline 1800 $sudo apt-get -o Acquire::http::Timeout=60 -o Acquire::Retries=2 install -y -q chromium ||
    fail "could not install chromium"
}

case "${1:-build}" in
build)
  ensure_rust_target
  ensure_npm_packages
  ensure_wasm_bindgen
  ensure_trunk
  ;;
test)
  ensure_rust_target
  ensure_npm_packages
  ensure_wasm_bindgen
  ensure_trunk
  ensure_wasm_pack
  ensure_chromium
  ;;
*) fail "usage: $0 [build|test]" ;;
esac
say "Tools ready"

#!/usr/bin/env bash
# Installs what the Editorial Review integration tests need to run headlessly:
#   - Debian packages: chromium (headless browser), ripgrep, fonts, toolchain + headers for the
#     native modules of VS Code's server
#   - code-server 4.100.3 (= VS Code 1.100.3 server + web workbench) from the npm registry,
#     into <project>/.vscode-test/code-server, with its native modules built locally.
# Nothing is downloaded from GitHub (no internet here besides the npm registry and Debian apt).
#
# Idempotent: when the pinned version is installed for this Node ABI (stamp file + checks) it exits
# in milliseconds without starting anything. Otherwise it builds in .vscode-test/code-server.partial
# and swaps the result in only when it works, so an interrupted install leaves no half-built tree
# and test runs already using the old tree are not pulled from under. Concurrent callers (two test
# runs in one checkout) serialise on a lock file.
# Non-interactive (CI=true, no stdin, root): apt runs with DEBIAN_FRONTEND=noninteractive; sudo is
# used for apt only when not root.
#
# Usage: scripts/install-code-server.sh [--force]
# Env:   VSCODE_TEST_CACHE  optional directory shared between checkouts (.ci/run sets it): a build
#                           found there is copied instead of rebuilt (~2 s instead of ~1 min), and
#                           a fresh build is saved there. The tree is relocatable.
#        CS_VERSION         default 4.100.3 (the runner and the tests assume VS Code 1.100.x)
set -Eeuo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
TEST_DIR="$PROJECT_ROOT/.vscode-test"
DEST="$TEST_DIR/code-server"
STAGE="$TEST_DIR/code-server.partial"
LOG="$TEST_DIR/install-code-server.log"
CACHE="${VSCODE_TEST_CACHE:-}"
# native modules are built for this Node ABI: another Node means another build
NODE_ABI="$(node -p 'process.versions.modules')"
STAMP_NAME=".installed-$CS_VERSION-node$NODE_ABI"
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

# chromium: headless browser for the workbench page; ripgrep: replaces @vscode/ripgrep's GitHub
# download; fonts: readable screenshots; the rest builds node-pty, spdlog, kerberos, argon2, ...
APT_PACKAGES=(chromium ripgrep fonts-dejavu-core build-essential python3 pkg-config
              libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)

log() { printf '[install-code-server] %s\n' "$*" >&2; }

# is DIR a complete install of the pinned version for this Node?
complete() {
  local dir="$1"
  [ -f "$dir/$STAMP_NAME" ] && [ -e "$dir/node_modules/.bin/code-server" ] || return 1
  [ -x "$dir/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || return 1
  grep -q "\"version\": *\"$CS_VERSION\"" "$dir/node_modules/code-server/package.json" 2>/dev/null
}
installed() {
  complete "$DEST" && [ -x "$(command -v chromium 2>/dev/null)" ] && [ -x "$(command -v rg 2>/dev/null)" ]
}

# --- 0. Fast path (no lock, no process started) -----------------------------------------------
if [ "$FORCE" -eq 0 ] && installed; then
  log "code-server $CS_VERSION already installed ($DEST)"
  exit 0
fi

mkdir -p "$TEST_DIR"
exec 9>"$TEST_DIR/.install.lock"
if ! flock -n 9; then
  log "another install is running; waiting for it"
  flock 9
fi
if [ "$FORCE" -eq 0 ] && installed; then  # done by the one we waited for
  log "code-server $CS_VERSION already installed ($DEST)"
  exit 0
fi

t_start=$(date +%s)
: > "$LOG"
on_error() {
  local rc=$?
  log "FAILED (exit $rc) after $(( $(date +%s) - t_start ))s; last lines of $LOG:"
  tail -n 40 "$LOG" >&2 || true
  exit "$rc"
}
trap on_error ERR
# quiet steps write here; their output is shown only on failure
q() { "$@" </dev/null >>"$LOG" 2>&1; }

# --- 1. Debian packages (only the missing ones) -----------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=()
  [ "$(id -u)" -ne 0 ] && SUDO=(sudo -n)
  log "apt: installing ${missing[*]}"
  q "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o Acquire::Retries=3
  q "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Acquire::Retries=3 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}"
  log "apt: done ($(( $(date +%s) - t_start ))s)"
else
  log "apt: all packages present"
fi
RG="$(command -v rg)"

# Checks that the tree in $1 starts and reports the pinned version.
check_version() {
  local scratch version
  # isolated config dir: otherwise `code-server --version` writes ~/.config/code-server/config.yaml
  scratch="$(mktemp -d)"
  version="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$1/node_modules/.bin/code-server" --version \
             </dev/null 2>>"$LOG" | grep -E "^$CS_VERSION " | head -n1 || true)"
  rm -rf "$scratch"
  [ -n "$version" ] && printf '%s\n' "$version"
}

# Moves the finished $STAGE to $DEST; a run still using the old tree keeps its open files.
swap_in() {
  rm -rf "$DEST.old"
  [ -e "$DEST" ] && mv "$DEST" "$DEST.old"
  mv "$STAGE" "$DEST"
  rm -rf "$DEST.old"
}

rm -rf "$STAGE"

# --- 2a. From the cache, when there is one ----------------------------------------------------
if [ -n "$CACHE" ] && [ "$FORCE" -eq 0 ] && complete "$CACHE/code-server"; then
  log "copying the cached build from $CACHE"
  cp -a "$CACHE/code-server" "$STAGE"
  ln -sf "$RG" "$STAGE/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  if version="$(check_version "$STAGE")"; then
    swap_in
    log "installed code-server $version from the cache in $(( $(date +%s) - t_start ))s"
    exit 0
  fi
  log "the cached build does not start; building"
  rm -rf "$STAGE"
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  log "warning: code-server $CS_VERSION declares engines.node 20; this is node $(node --version)"
fi

# --- 2b. code-server itself, without lifecycle scripts ----------------------------------------
# Its postinstall refuses to run as root under npm >= 7 and would fetch ripgrep from GitHub,
# so it is skipped here and replayed by hand below.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false \
       npm_config_progress=false npm_config_loglevel=error
# node-pty's build runs `npx node-gyp ...`; ~/.npmrc may say yes=false ("npx canceled").
export npm_config_yes=true
mkdir -p "$STAGE"
cd "$STAGE"
printf '{\n  "name": "editorial-review-code-server",\n  "private": true\n}\n' > package.json
log "npm: code-server@$CS_VERSION (lifecycle scripts off)"
q npm install --ignore-scripts --save-exact "code-server@$CS_VERSION"
# argon2 (password hashing) is native; no prebuilt binary can be downloaded, so build it.
log "npm: building argon2"
q npm rebuild argon2 --foreground-scripts

# --- 3. Replay code-server's postinstall ------------------------------------------------------
cd "$STAGE/node_modules/code-server/lib/vscode"
log "npm: VS Code server dependencies"
q npm install --omit=dev --ignore-scripts
# With bin/ present, @vscode/ripgrep's postinstall skips its GitHub download; use Debian's rg.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
log "npm: building native modules (node-pty, spdlog, kerberos, watcher, ...)"
q npm rebuild --foreground-scripts
ln -sfn node_modules node_modules.asar
( cd bin/remote-cli && ln -sf code-linux.sh code-server )
( cd bin/helpers && ln -sf browser-linux.sh browser.sh )
log "npm: built-in extensions' dependencies"
( cd extensions && q npm install --omit=dev )
cd "$TEST_DIR"

# --- 4. Check that it starts, stamp, swap in, save to the cache -------------------------------
if ! version="$(check_version "$STAGE")"; then
  log "code-server did not report version $CS_VERSION; see $LOG"
  exit 1
fi
touch "$STAGE/$STAMP_NAME"
swap_in
log "installed code-server $version in $(( $(date +%s) - t_start ))s: $DEST"

if [ -n "$CACHE" ]; then
  if mkdir -p "$CACHE" && rm -rf "$CACHE/code-server.tmp" && cp -a "$DEST" "$CACHE/code-server.tmp" \
     && rm -rf "$CACHE/code-server" && mv "$CACHE/code-server.tmp" "$CACHE/code-server"; then
    log "saved the build to the cache $CACHE"
  else
    log "warning: could not save the build to $CACHE"
  fi
fi

#!/usr/bin/env bash
# Installs what the Editorial Review integration tests need to run headlessly:
#   - Debian packages: chromium (headless browser), ripgrep, toolchain + headers for native modules
#   - code-server 4.100.3 (= VS Code 1.100.3 server + web workbench) from the npm registry,
#     into <project>/.vscode-test/code-server, with its native modules built locally.
# Nothing is downloaded from GitHub (no internet here besides npm and Debian apt).
# Idempotent: exits at once when the pinned version is already installed.
# Works non-interactively (CI=true, no stdin, as root); uses sudo for apt only when not root.
set -euo pipefail

CS_VERSION="4.100.3"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
DEST="$PROJECT_ROOT/.vscode-test/code-server"
BIN="$DEST/node_modules/.bin/code-server"
STAMP="$DEST/.installed-$CS_VERSION"

log() { printf '[install-code-server] %s\n' "$*"; }
t_start=$(date +%s)

# --- 0. Fast path -----------------------------------------------------------------------------
if [ -x "$BIN" ] && [ -f "$STAMP" ] && command -v chromium >/dev/null 2>&1; then
  if "$BIN" --version 2>/dev/null </dev/null | head -n1 | grep -q "^$CS_VERSION\b"; then
    log "code-server $CS_VERSION already installed ($BIN)"
    exit 0
  fi
fi

# --- 1. Debian packages (only the missing ones) -----------------------------------------------
APT_PACKAGES=(chromium ripgrep build-essential python3 pkg-config
              libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq </dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" </dev/null >/dev/null
  log "apt: done ($(( $(date +%s) - t_start ))s)"
else
  log "apt: all packages present"
fi
RG="$(command -v rg)"

# --- 2. code-server itself, without lifecycle scripts -----------------------------------------
# Its postinstall refuses to run as root under npm >= 7 and would fetch ripgrep from GitHub,
# so it is skipped here and replayed by hand below.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-pty's build runs `npx node-gyp ...`; ~/.npmrc may say yes=false ("npx canceled").
export npm_config_yes=true
mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || printf '{\n  "name": "editorial-review-code-server",\n  "private": true\n}\n' > package.json
rm -f "$DEST"/.installed-*
log "npm: code-server@$CS_VERSION (scripts off)"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" </dev/null
# argon2 (password hashing) is native; no prebuilt download here, so build from source.
log "npm: building argon2"
npm rebuild argon2 --loglevel=error </dev/null >/dev/null

# --- 3. Replay code-server's postinstall ------------------------------------------------------
VSCODE_DIR="$DEST/node_modules/code-server/lib/vscode"
cd "$VSCODE_DIR"
log "npm: VS Code server dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null
# With bin/ present, @vscode/ripgrep's postinstall skips its GitHub download; use Debian's rg.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
log "npm: building native modules (node-pty, spdlog, kerberos, watcher, ...)"
npm rebuild --loglevel=error </dev/null >/dev/null
ln -sfn node_modules node_modules.asar
( cd bin/remote-cli && ln -sf code-linux.sh code-server )
( cd bin/helpers && ln -sf browser-linux.sh browser.sh )
log "npm: built-in extensions' dependencies"
( cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error </dev/null )

# --- 4. Check and stamp -----------------------------------------------------------------------
version="$("$BIN" --version </dev/null | head -n1)"
case "$version" in
  "$CS_VERSION"*) ;;
  *) log "unexpected version after install: '$version'"; exit 1 ;;
esac
touch "$STAMP"
log "installed code-server $version in $(( $(date +%s) - t_start ))s: $BIN"

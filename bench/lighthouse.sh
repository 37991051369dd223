#!/usr/bin/env bash
# Lighthouse in mobile mode on the pages of every role, against Debian's Chromium; figures go in docs/benchmarks.md.
# Usage: bash bench/lighthouse.sh [BASE_URL]   (without a URL it starts `linggong up` on a fresh data dir)
# Needs node/npm (lighthouse is installed from npm into a temporary directory) and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
LH_DIR=${LH_DIR:-$(mktemp -d)}
[ -d "$LH_DIR/node_modules/lighthouse" ] || npm install --prefix "$LH_DIR" --silent --no-audit --no-fund lighthouse@12.8.2 >/dev/null  # pinned: figures compare across runs
cp bench/lighthouse.mjs "$LH_DIR/"
BASE=${1:-}
if [ -z "$BASE" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  data=$(mktemp -d)
  LINGGONG_DATA_DIR=$data LINGGONG_PUBLIC_URL=http://127.0.0.1:$port linggong up --port "$port" >"$data/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
  BASE=http://127.0.0.1:$port
  for _ in $(seq 600); do curl -fs "$BASE/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$BASE/api/health" >/dev/null || { echo "linggong up did not answer within 300 s: $data/server.log"; exit 1; }
fi
echo "lighthouse $(node -p "require('$LH_DIR/node_modules/lighthouse/package.json').version") · chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') · $BASE"
cd "$LH_DIR" && BASE=$BASE CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} node lighthouse.mjs

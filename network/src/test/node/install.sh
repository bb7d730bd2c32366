#!/bin/sh
# Test-only: installs @ton/ton from package-lock.json for TonClientNodeTest. Without node or npm it
# does nothing (the test then skips and says why); npm ci runs only when the lockfile changed.
set -eu
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "cocoon4j network: node/npm not found; the @ton/ton client test will be skipped." >&2
  exit 0
fi
stamp=node_modules/.cocoon4j-npm-ci.stamp
if [ -f "$stamp" ] && [ ! package-lock.json -nt "$stamp" ] && [ ! package.json -nt "$stamp" ]; then
  exit 0
fi
echo "cocoon4j network: installing @ton/ton for the client test (npm ci)" >&2
npm ci --no-audit --no-fund --prefer-offline --loglevel=error >&2
touch "$stamp"

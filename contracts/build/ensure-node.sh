#!/bin/sh
# Makes sure the FunC build can run: Node.js >= 18 and npm on the PATH, and node_modules
# installed from package-lock.json. `npm ci` runs only when node_modules is missing or older
# than the lockfile (a stamp file records the last install), so rebuilds stay fast and offline.
# Each failure is one sentence on stderr and a non-zero exit.
set -eu
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "cocoon4j contracts: building the FunC contracts needs Node.js 18 or newer with npm on the PATH (node: $(command -v node || echo missing), npm: $(command -v npm || echo missing)); install them and rerun." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 18 ]; then
  echo "cocoon4j contracts: building the FunC contracts needs Node.js 18 or newer, but node on the PATH is $(node --version 2>/dev/null || echo unknown); install a newer one and rerun." >&2
  exit 1
fi

stamp=node_modules/.cocoon4j-npm-ci.stamp
if [ -f "$stamp" ] && [ ! package-lock.json -nt "$stamp" ] && [ ! package.json -nt "$stamp" ]; then
  exit 0
fi
echo "cocoon4j contracts: installing the FunC compiler and TON sandbox from package-lock.json (npm ci)" >&2
if ! npm ci --no-audit --no-fund --prefer-offline --loglevel=error >&2; then
  echo "cocoon4j contracts: npm ci failed (see above); the FunC compiler needs the npm packages of contracts/package-lock.json." >&2
  exit 1
fi
touch "$stamp"

# Sourced by the scripts here. Every script takes the network as its first argument:
#   local (the network `./cocoon up` runs on this machine), testnet, mainnet, or an endpoint URL.
# Environment:
#   COCOON                    the cocoon command (default: the ./cocoon launcher of this checkout)
#   COCOON_WALLET_PASSWORD    the wallet password (else cocoon asks on the terminal)
#   COCOON_TONCENTER_API_KEY  toncenter API key for testnet/mainnet (optional, raises the rate limit)
#   WALLET                    the operator wallet's name (default: operator-NETWORK)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COCOON="${COCOON:-$here/../cocoon}"
if [ $# -lt 1 ]; then
  echo "usage: $(basename "$0") NETWORK   (NETWORK: local, testnet, mainnet or an endpoint URL)" >&2
  exit 64
fi
NETWORK="$1"
WALLET="${WALLET:-operator-$(echo "$NETWORK" | tr -c 'A-Za-z0-9._\n-' '_')}"
cocoon() { $COCOON "$@"; }
say() { echo "[$(basename "$0") $NETWORK] $*" >&2; }
json_field() { sed -n "s/.*\"$1\" *: *\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" | head -1; }

# Creates the operator wallet on first use (the password comes from COCOON_WALLET_PASSWORD or a prompt).
ensure_wallet() {
  if ! cocoon wallet address "$WALLET" --network "$NETWORK" >/dev/null 2>&1; then
    say "creating wallet $WALLET"
    cocoon wallet create "$WALLET" >/dev/null
  fi
}

balance_nanoton() {
  cocoon wallet balance "$WALLET" --network "$NETWORK" --json | json_field balance_nanoton
}

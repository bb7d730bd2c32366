#!/usr/bin/env bash
# join-runner.sh NETWORK [STAKE_TON]: registers the runner wallet (RUNNER_WALLET, default
# runner-NETWORK) through the root with its stake and prints the operator contract's address and
# status. On local the wallet is created and funded from the faucet; the enclave is the simulated one.
# Testnet/mainnet need an Intel TDX enclave: `cocoon runner join` refuses them and nothing is sent.
# Extra arguments go to `cocoon runner join` (e.g. --model SHA256 --price 1000).
source "$(dirname "$0")/common.sh"
STAKE="${2:-1}"
shift; [ $# -gt 0 ] && shift
WALLET="${RUNNER_WALLET:-runner-$(echo "$NETWORK" | tr -c 'A-Za-z0-9._\n-' '_')}"
ensure_wallet
[ "$NETWORK" = local ] && cocoon wallet fund "$WALLET" --amount 200 --network local >/dev/null
cocoon runner join --network "$NETWORK" --wallet "$WALLET" --stake "$STAKE" "$@"

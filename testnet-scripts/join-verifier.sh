#!/usr/bin/env bash
# join-verifier.sh NETWORK [STAKE_TON]: registers the verifier wallet (VERIFIER_WALLET, default
# verifier-NETWORK) through the root with its bond (plus STAKE_TON if given) and prints the operator
# contract's address and status; the operator enters the root's verifier registry. On local the
# wallet is created and funded from the faucet; the enclave is the simulated one. Testnet/mainnet
# need an Intel TDX enclave: `cocoon verifier join` refuses them and nothing is sent.
source "$(dirname "$0")/common.sh"
STAKE="${2:-}"
shift; [ $# -gt 0 ] && shift
WALLET="${VERIFIER_WALLET:-verifier-$(echo "$NETWORK" | tr -c 'A-Za-z0-9._\n-' '_')}"
ensure_wallet
[ "$NETWORK" = local ] && cocoon wallet fund "$WALLET" --amount 200 --network local >/dev/null
cocoon verifier join --network "$NETWORK" --wallet "$WALLET" ${STAKE:+--stake "$STAKE"} "$@"

#!/usr/bin/env bash
# submit-job.sh NETWORK [PROMPT]: creates and pays a job through the root from the client wallet
# (CLIENT_WALLET, default client-NETWORK) and prints the job contract's address and state (open).
# On local the wallet is created and funded and the model defaults to the tiny generated one; on
# testnet/mainnet pass the model: submit-job.sh testnet 'Hello' --model SHA256 (fund the wallet first).
source "$(dirname "$0")/common.sh"
PROMPT="${2:-Hello from the smoke test}"
shift; [ $# -gt 0 ] && shift
WALLET="${CLIENT_WALLET:-client-$(echo "$NETWORK" | tr -c 'A-Za-z0-9._\n-' '_')}"
ensure_wallet
[ "$NETWORK" = local ] && cocoon wallet fund "$WALLET" --amount 10 --network local >/dev/null
cocoon job submit --network "$NETWORK" --wallet "$WALLET" --prompt "$PROMPT" "$@"

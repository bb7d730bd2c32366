#!/usr/bin/env bash
# deploy.sh NETWORK: deploys the protocol's root contract (root.fc, default network parameters) from
# the operator wallet, which becomes its owner, and writes the network file
# (~/.cocoon/networks/NETWORK.json: root address, code hashes of root/operator/job, config version).
# On local it also allow-lists the simulated enclave and the tiny generated model. On testnet/mainnet
# the wallet must hold at least 1.5 TON (see fund.sh); the deploy is emulated locally first and not
# sent if it would fail. Extra arguments go to `cocoon deploy` (e.g. --allow-model SHA256).
source "$(dirname "$0")/common.sh"
shift
ensure_wallet
have=$(balance_nanoton)
if [ "$have" -lt 1500000000 ]; then
  if [ "$NETWORK" = local ]; then
    "$here/fund.sh" local 100
  else
    say "wallet $WALLET holds $have nanoton; fund it first: $here/fund.sh $NETWORK"; exit 2
  fi
fi
extra=()
[ "$NETWORK" = local ] && extra+=(--allow-simulated)
cocoon deploy --network "$NETWORK" --wallet "$WALLET" "${extra[@]}" "$@"
cocoon deploy check --network "$NETWORK"

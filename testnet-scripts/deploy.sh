#!/usr/bin/env bash
# deploy.sh NETWORK: deploys the root contract from the operator wallet and writes the network file
# (~/.cocoon/networks/NETWORK.json). Until the protocol contracts land the root is the sample counter.
# On testnet/mainnet the wallet must hold at least 0.5 TON (see fund.sh); the deploy is emulated
# locally first and not sent if it would fail.
source "$(dirname "$0")/common.sh"
ensure_wallet
have=$(balance_nanoton)
if [ "$have" -lt 500000000 ]; then
  if [ "$NETWORK" = local ]; then
    "$here/fund.sh" local 100
  else
    say "wallet $WALLET holds $have nanoton; fund it first: $here/fund.sh $NETWORK"; exit 2
  fi
fi
cocoon deploy --network "$NETWORK" --wallet "$WALLET"

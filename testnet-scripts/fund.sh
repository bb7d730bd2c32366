#!/usr/bin/env bash
# fund.sh NETWORK [AMOUNT_TON]: puts TON in the operator wallet.
#   local:   the local faucet gives AMOUNT_TON (default 100) at once.
#   testnet: prints the wallet's testnet address and how to get test coins from the testnet giver
#            (Telegram bot @testgiver_ton_bot), then waits until they arrive (up to 10 minutes).
#   mainnet: prints the address; send real TON to it yourself.
source "$(dirname "$0")/common.sh"
AMOUNT="${2:-100}"
ensure_wallet
addr=$(cocoon wallet address "$WALLET" --network "$NETWORK" --json | json_field address)
case "$NETWORK" in
  local)
    cocoon wallet fund "$WALLET" --amount "$AMOUNT" --network local >&2
    ;;
  *)
    before=$(balance_nanoton)
    say "wallet $WALLET is $addr (balance ${before} nanoton)"
    if [ "$NETWORK" = testnet ]; then
      say "to fund it: open Telegram, talk to @testgiver_ton_bot, send it this address: $addr"
    else
      say "send TON to $addr from an exchange or another wallet"
    fi
    say "waiting for the coins (Ctrl-C to stop; rerun later)..."
    for _ in $(seq 1 60); do
      now=$(balance_nanoton)
      if [ "$now" -gt "$before" ]; then say "funded: $now nanoton"; exit 0; fi
      sleep 10
    done
    say "no coins arrived in 10 minutes"; exit 2
    ;;
esac

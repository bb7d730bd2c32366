#!/usr/bin/env bash
# smoke.sh NETWORK: the whole loop on one network: wallet, funding, deploy, a paid call read back.
# On local it needs `./cocoon up` running (CI starts one). On testnet, fund the wallet first
# (fund.sh testnet) — each run spends about 0.3 TON.
source "$(dirname "$0")/common.sh"
"$here/deploy.sh" "$NETWORK"
"$here/submit-job.sh" "$NETWORK" >&2
for role in runner verifier; do
  if "$here/join-$role.sh" "$NETWORK" 2>/dev/null; then :; else
    rc=$?; [ $rc -eq 3 ] && say "join-$role: skipped (needs the protocol contracts)" || exit $rc
  fi
done
say "smoke: OK"
echo "smoke: OK"

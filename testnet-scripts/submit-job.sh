#!/usr/bin/env bash
# submit-job.sh NETWORK: one paid call to the deployed root, read back. Until the protocol's job
# contract lands this is the counter's increment (`cocoon deploy check`): it exercises the same path
# a job takes (a signed wallet message, an internal call with TON, the result read by a get-method).
source "$(dirname "$0")/common.sh"
cocoon deploy check --network "$NETWORK" --wallet "$WALLET"

package io.cocoon4j.client;

/**
 * A runner's answer does not hold up: it differs from what it committed on-chain, its signature is
 * not its enclave's, or the local verifier rejects it. The answer is withheld from the caller.
 */
public class ResultRejectedException extends RuntimeException {
    public ResultRejectedException(String message) {
        super(message);
    }
}

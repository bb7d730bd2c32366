package io.cocoon4j.enclave.dcap;

/**
 * What a verification set out to check. Only a {@link #FULL} verification can accept a quote:
 * signatures alone say nothing about revocation, the platform's TCB status or the quoting
 * enclave's identity.
 */
public enum VerificationScope {
    /** Signatures, chain, collateral (CRLs, TCB info, QE identity, TCB status) and policy. */
    FULL("full"),
    /**
     * Signatures, chain and the policy over the TD report, asked for explicitly; revocation, TCB
     * status and QE identity are not checked, so the verdict is never {@link Verdict#accepted()}.
     */
    SIGNATURES_ONLY("signatures-only");

    private final String id;

    VerificationScope(String id) {
        this.id = id;
    }

    /** The stable name used in JSON output: {@code full} or {@code signatures-only}. */
    public String id() {
        return id;
    }
}

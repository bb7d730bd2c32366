package io.cocoon4j.client;

/** How far a completion was checked beyond the runner's signed, on-chain commitment. */
public enum Verification {
    /** Re-checked locally by teacher forcing and accepted. */
    VERIFIED,
    /** Not re-checked locally (no verifier configured); the network's audits and challenges still apply. */
    NOT_CHECKED
}

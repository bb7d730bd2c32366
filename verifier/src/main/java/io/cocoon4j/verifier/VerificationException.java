package io.cocoon4j.verifier;

/**
 * The verifier cannot judge a claim, through no fault of the claim: it runs another model or an
 * engine that cannot reproduce the job's, was given an input that does not match the job's
 * commitment, or its engine failed (including logits that are NaN or infinite).
 * Such a job must not be challenged on this verifier's word.
 */
public class VerificationException extends RuntimeException {
    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}

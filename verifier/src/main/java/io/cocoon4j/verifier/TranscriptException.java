package io.cocoon4j.verifier;

/**
 * A runner would not or could not hand over a transcript: it refused this verifier (403), could not
 * be reached or attested, or sent something malformed. Distinct from "no transcript kept" (empty).
 */
public class TranscriptException extends RuntimeException {
    public TranscriptException(String message) {
        super(message);
    }

    public TranscriptException(String message, Throwable cause) {
        super(message, cause);
    }
}

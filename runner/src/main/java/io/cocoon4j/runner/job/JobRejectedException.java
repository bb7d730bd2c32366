package io.cocoon4j.runner.job;

/**
 * A runner refuses a job or its input before acting on it: nothing was journaled or sent.
 */
public class JobRejectedException extends RuntimeException {
    private final Reason reason;

    public JobRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The reasons a runner refuses a job. */
    public enum Reason {
        /** No such job on-chain. */
        UNKNOWN_JOB,
        /** The job is not open for this runner (taken, cancelled, finished). */
        NOT_OPEN,
        /** The job names a model this runner does not serve. */
        WRONG_MODEL,
        /** The job names another engine or determinism profile than this runner's. */
        WRONG_ENGINE,
        /** The job's context length is not this runner's. */
        WRONG_CONTEXT,
        /** The prompt and salt sent do not match the job's input commitment. */
        INPUT_MISMATCH,
        /** The prompt is empty, has ids outside the vocabulary, or does not fit the context. */
        BAD_PROMPT
    }
}

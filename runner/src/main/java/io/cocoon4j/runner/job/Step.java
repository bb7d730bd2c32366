package io.cocoon4j.runner.job;

/** The durable steps of a runner's job, in order; {@link JobLifecycle} reports each as it is reached. */
public enum Step {
    /** The input (sealed) is journaled with the intent to serve the job. */
    INPUT_JOURNALED,
    /** The accept message is signed and journaled. */
    ACCEPT_SIGNED,
    /** The accept message was handed to the chain. */
    ACCEPT_SENT,
    /** The accept landed. */
    ACCEPTED,
    /** The output tokens (sealed) are journaled. */
    OUTPUT_JOURNALED,
    /** The commit message is signed and journaled. */
    COMMIT_SIGNED,
    /** The commit message was handed to the chain. */
    COMMIT_SENT,
    /** The commitment landed. */
    COMMITTED,
    /** The finalize message is signed and journaled. */
    FINALIZE_SIGNED,
    /** The finalize message was handed to the chain. */
    FINALIZE_SENT,
    /** The job is finalized and its intent completed. */
    FINALIZED
}

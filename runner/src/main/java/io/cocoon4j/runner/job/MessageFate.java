package io.cocoon4j.runner.job;

/** What the chain says about a signed message. */
public enum MessageFate {
    /**
     * The wallet took it and the transactions it caused are complete: the contract it was for has
     * processed it (and either applied it or bounced it; {@link JobLifecycle} reads the job's state
     * to tell which).
     */
    LANDED,
    /** Not seen yet, still valid: it may land (resend the same bytes if unsure it was sent). */
    PENDING,
    /** Its validity passed and it never landed: it never will. */
    EXPIRED
}

package io.cocoon4j.runner.job;

/** What the chain says about a signed message. */
public enum MessageFate {
    /** It took effect. */
    LANDED,
    /** Not seen yet, still valid: it may land (resend the same bytes if unsure it was sent). */
    PENDING,
    /** Its validity passed and it never landed: it never will. */
    EXPIRED
}

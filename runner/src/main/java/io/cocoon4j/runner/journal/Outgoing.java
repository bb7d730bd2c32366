package io.cocoon4j.runner.journal;

import java.util.Objects;

/**
 * One journaled attempt at an on-chain action of an intent.
 *
 * @param intent the intent it belongs to
 * @param action the action's name within the intent, e.g. {@code accept}
 * @param attempt 1 for the first message signed for this action; a new attempt exists only after
 *     the previous one {@linkplain Fate#EXPIRED expired} without landing
 * @param message the signed bytes
 * @param fate what is known about it
 */
public record Outgoing(IntentId intent, String action, int attempt, SignedMessage message, Fate fate) {
    public Outgoing {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fate, "fate");
    }

    /** What is known about a journaled message. */
    public enum Fate {
        /** Signed and journaled; maybe sent, not yet seen on-chain. */
        SIGNED,
        /** Seen on-chain: the action took effect. */
        LANDED,
        /** Its {@code validUntil} passed and it never landed: it never can, a new one may be signed. */
        EXPIRED
    }
}

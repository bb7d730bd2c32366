package io.cocoon4j.runner.journal;

import java.util.Objects;

/**
 * Names one intent in a {@link Journal}: something this process means to see through to the end,
 * such as serving job {@code 3f…} ({@code kind = "job"}, {@code key = the job id in hex}).
 *
 * @param kind what sort of intent, a short lowercase word without {@code ':'}
 * @param key which one of that kind, non-blank
 */
public record IntentId(String kind, String key) {
    public IntentId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (!kind.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("an intent kind is a lowercase word of at most 32 characters, got '" + kind + "'");
        }
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("an intent key must be non-blank and at most 200 characters");
        }
    }

    /** {@code kind:key}, the form stored in the journal. */
    @Override
    public String toString() {
        return kind + ":" + key;
    }
}

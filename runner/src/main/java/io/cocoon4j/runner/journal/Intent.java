package io.cocoon4j.runner.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One intent as journaled.
 *
 * @param id its name
 * @param details what {@link Journal#begin} recorded (empty once the intent is finished: finished
 *     intents keep only their outcome, so private inputs do not outlive their use)
 * @param state open, completed or abandoned
 * @param created when it was begun
 */
public record Intent(IntentId id, byte[] details, IntentState state, Instant created) {
    public Intent {
        Objects.requireNonNull(id, "id");
        details = Objects.requireNonNull(details, "details").clone();
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
    }

    @Override
    public byte[] details() {
        return details.clone();
    }
}

package io.cocoon4j.runner.journal;

/** Where an intent stands: open until it completes or is abandoned; finished intents never reopen. */
public sealed interface IntentState {

    /** Still to be seen through: a restart resumes it. */
    record Open() implements IntentState {}

    /**
     * Seen through.
     *
     * @param summary one line for operators, e.g. "finalized: 12 tokens paid"
     */
    record Completed(String summary) implements IntentState {}

    /**
     * Given up, for a reason that retrying cannot change (e.g. the job was cancelled on-chain).
     *
     * @param reason one line for operators
     */
    record Abandoned(String reason) implements IntentState {}

    /** True for {@link Open}. */
    default boolean isOpen() {
        return this instanceof Open;
    }
}

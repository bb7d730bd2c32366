package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.runner.engine.StopReason;

/**
 * Receives a job's progress as it happens: the client's stream. Implementations should not block
 * for long; an exception thrown here detaches the sink (the client went away) but never stops the
 * job, which the runner has accepted and must commit.
 */
public interface TokenSink {

    /** The job is accepted on-chain; tokens follow. */
    default void accepted(ChainJob job) {}

    /** Output token {@code index} is {@code token}. */
    void token(int index, int token);

    /** The result is committed on-chain with this claim and signature. */
    default void committed(ResultClaim claim, StopReason stop, SignedCommitment commitment) {}

    /** A sink that discards everything (jobs resumed after a restart have no client attached). */
    TokenSink NONE = (index, token) -> {};
}

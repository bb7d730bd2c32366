package io.cocoon4j.runner.chain;

import io.cocoon4j.chain.TonChain;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The chain's time as a {@link Clock}, in whole seconds: challenge windows and message validity are
 * judged by the chain's {@code now}, not the machine's (on a {@code LocalChain} the two differ).
 */
public final class ChainClock extends Clock {
    private final TonChain chain;

    public ChainClock(TonChain chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the chain's clock is in UTC");
        }
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(chain.now());
    }
}

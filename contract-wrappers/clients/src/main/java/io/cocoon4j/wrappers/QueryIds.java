package io.cocoon4j.wrappers;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh query ids for one client: distinct within the client and, being seeded from the chain's
 * clock, unlikely to repeat one an earlier client used for the same contract.
 */
public final class QueryIds {
    private final AtomicLong next;

    private QueryIds(long start) {
        this.next = new AtomicLong(start);
    }

    /** Ids starting at {@code unixTime * 2^16}, so clients started a second apart do not overlap. */
    public static QueryIds startingAt(long unixTime) {
        return new QueryIds(Math.max(1, unixTime) << 16);
    }

    public long next() {
        return next.getAndIncrement();
    }
}

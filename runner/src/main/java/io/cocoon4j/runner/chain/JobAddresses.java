package io.cocoon4j.runner.chain;

import io.cocoon4j.protocol.Hash32;
import org.ton.ton4j.address.Address;

/**
 * A job id is its contract's account id in workchain 0 (the root deploys every job there), so the
 * two convert without a lookup.
 */
public final class JobAddresses {
    private JobAddresses() {}

    /** The job contract's address for {@code jobId}. */
    public static Address address(Hash32 jobId) {
        return Address.of("0:" + jobId.hex());
    }

    /**
     * The job id of the contract at {@code job}.
     *
     * @throws IllegalArgumentException if {@code job} is not in workchain 0
     */
    public static Hash32 jobId(Address job) {
        if (job.wc != 0) {
            throw new IllegalArgumentException("jobs live in workchain 0, not " + job.wc);
        }
        return Hash32.of(job.hashPart);
    }
}

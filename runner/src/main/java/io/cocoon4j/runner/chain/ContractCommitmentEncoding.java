package io.cocoon4j.runner.chain;

import io.cocoon4j.runner.job.CommitmentEncoding;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.Commitment;

/**
 * The encoding the job contract checks: the representation hash of job.tlb's {@code Commitment}
 * cell (job address, result hash, token count, chunk root). The contract recomputes it with
 * {@code HASHCU} and verifies the enclave signature with {@code CHKSIGNU}; runner and client use
 * this one instance.
 */
public enum ContractCommitmentEncoding implements CommitmentEncoding {
    INSTANCE;

    @Override
    public byte[] signedBytes(ResultCommitment commitment) {
        return cell(commitment).toCell().getHash();
    }

    /** The commitment cell's content for {@code commitment}. */
    public static Commitment cell(ResultCommitment c) {
        return new Commitment(MsgAddress.of(JobAddresses.address(c.jobId())), Bits.of(c.resultHash().bytes()),
            c.tokenCount(), Bits.of(c.chunkRoot().bytes()));
    }
}

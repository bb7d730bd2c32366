package io.cocoon4j.runner.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Tests only: a commitment encoding with the same contents as the job contract's commitment cell
 * will have (job, result hash, token count, chunk root), until the contract wiring provides the
 * real one (the cell's hash).
 */
public final class TestCommitmentEncoding implements CommitmentEncoding {
    /** The one instance. */
    public static final TestCommitmentEncoding INSTANCE = new TestCommitmentEncoding();

    private static final byte[] TAG = "cocoon4j-test-commitment".getBytes(StandardCharsets.US_ASCII);

    private TestCommitmentEncoding() {}

    @Override
    public byte[] signedBytes(ResultCommitment c) {
        return ByteBuffer.allocate(TAG.length + 32 + 32 + 4 + 32).put(TAG).put(c.jobId().bytes())
            .put(c.resultHash().bytes()).putInt(c.tokenCount()).put(c.chunkRoot().bytes()).array();
    }
}

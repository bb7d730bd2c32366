package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.ResultClaim;
import java.util.Objects;

/**
 * The values a runner posts to a job contract when it commits a result (never the tokens).
 *
 * @param jobId the job
 * @param resultHash {@link ResultClaim#resultHash()}
 * @param tokenCount how many output tokens the result has (what the client pays for)
 * @param chunkRoot the Merkle root of the chunk commitments (what a challenge names a chunk under)
 */
public record ResultCommitment(Hash32 jobId, Hash32 resultHash, int tokenCount, Hash32 chunkRoot) {
    public ResultCommitment {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(resultHash, "resultHash");
        Objects.requireNonNull(chunkRoot, "chunkRoot");
        if (tokenCount < 0) {
            throw new IllegalArgumentException("a token count is not negative, got " + tokenCount);
        }
    }

    /** The commitment of a claim. */
    public static ResultCommitment of(ResultClaim claim) {
        return new ResultCommitment(claim.job().jobId(), claim.resultHash(), claim.tokenCount(), claim.chunkRoot());
    }
}

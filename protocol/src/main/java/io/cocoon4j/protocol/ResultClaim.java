package io.cocoon4j.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A runner's claim: these output token ids are what {@code job} produces. Text and logits are never
 * part of a result.
 *
 * <p>The result hash is {@code SHA-256(0x01 || body)} with the 197-byte body (big-endian):
 * <pre>
 *   jobId[32] || modelSha256[32] || engine.hash()[32] || u32 contextLength || inputCommitment[32]
 *   || sampling.encode()[25] || u32 maxTokens || u32 tokenCount || chunkRoot[32]
 * </pre>
 * Every field of the {@link JobSpec} enters, in its declaration order: the context length and
 * {@code maxTokens} both decide where an honest output may stop, so a signed result must not be
 * readable against a job with other values. The output token ids enter through {@code chunkRoot}
 * (the {@link Chunking} Merkle root, which commits to every id at its position) together with
 * {@code tokenCount}; so the one posted hash binds the root a challenge is checked against.
 *
 * @param job the job as created
 * @param outputTokens the claimed output token ids, in order (at most {@code job.maxTokens()},
 *     which the verifier checks, not this constructor)
 * @param resultHash the claimed result hash
 * @param chunkRoot the claimed Merkle root of the chunk commitments
 */
public record ResultClaim(JobSpec job, int[] outputTokens, Hash32 resultHash, Hash32 chunkRoot) {
    public ResultClaim {
        Objects.requireNonNull(job, "job");
        Tokens.requireValid(outputTokens, "output");
        Objects.requireNonNull(resultHash, "resultHash");
        Objects.requireNonNull(chunkRoot, "chunkRoot");
        outputTokens = outputTokens.clone();
    }

    /** The honest claim for {@code outputTokens}: computes the chunk root and the result hash. */
    public static ResultClaim of(JobSpec job, int[] outputTokens) {
        Hash32 root = Chunking.tree(job.jobId(), outputTokens).root();
        return new ResultClaim(job, outputTokens, resultHash(job, outputTokens.length, root), root);
    }

    /** The result hash of a job whose output has {@code tokenCount} tokens under {@code chunkRoot}. */
    public static Hash32 resultHash(JobSpec job, int tokenCount, Hash32 chunkRoot) {
        return HashDomain.RESULT.hash(new CanonicalWriter()
            .bytes32(job.jobId())
            .bytes32(job.modelSha256())
            .bytes32(job.engine().hash())
            .u32(job.contextLength())
            .bytes32(job.inputCommitment())
            .raw(job.sampling().encode())
            .u32(job.maxTokens())
            .u32(tokenCount)
            .bytes32(chunkRoot)
            .toByteArray());
    }

    /** A copy of the claimed output token ids. */
    @Override
    public int[] outputTokens() {
        return outputTokens.clone();
    }

    /** The number of claimed output tokens. */
    public int tokenCount() {
        return outputTokens.length;
    }

    /** True if {@link #chunkRoot} and {@link #resultHash} are those of {@link #outputTokens}. */
    public boolean commitmentsMatch() {
        Hash32 root = Chunking.tree(job.jobId(), outputTokens).root();
        return root.equals(chunkRoot) && resultHash(job, outputTokens.length, root).equals(resultHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultClaim c && job.equals(c.job) && Arrays.equals(outputTokens, c.outputTokens)
            && resultHash.equals(c.resultHash) && chunkRoot.equals(c.chunkRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(job, Arrays.hashCode(outputTokens), resultHash, chunkRoot);
    }

    @Override
    public String toString() {
        return "ResultClaim[job=" + job + ", tokens=" + outputTokens.length + ", resultHash=" + resultHash
            + ", chunkRoot=" + chunkRoot + "]";
    }
}

package io.cocoon4j.verifier;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.merkle.MerkleProof;
import io.cocoon4j.protocol.sampling.TokenEvidence;

/** The outcome of {@link Verifier#verify}: accepted, or rejected with what a challenge needs. */
public sealed interface Verdict {

    /** True for {@link Accepted}. */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * Every claimed token is reproducible within the tolerance and the claim is well formed.
     *
     * @param tokensChecked claimed tokens checked by teacher forcing
     * @param largestGap greedy jobs: the largest {@code max logit - claimed logit} seen (how close the claim came to
     *     the tolerance); 0 for sampled jobs
     * @param scoreNanos time of the teacher-forced pass
     * @param marginHits positions whose claimed token is not the verifier's own exact choice (greedy:
     *     not the maximum; sampled: not what the draw selects on the verifier's logits) yet lies within
     *     the tolerance. Not provable fraud, so not a rejection; but an honest run produces one only
     *     when drift happens to cross a decision boundary, which is rare, so audit policy may weigh it
     * @param firstMarginHit the first such position, -1 if none
     */
    record Accepted(int tokensChecked, double largestGap, long scoreNanos, int marginHits, int firstMarginHit)
        implements Verdict {}

    /**
     * The claim is wrong. Points at the first failing output position and its chunk, so a challenge
     * can name the chunk and prove which commitment it disputes.
     *
     * @param reason the kind of failure
     * @param position the first failing output position ({@code tokenCount} for a missing end token,
     *     -1 when the whole claim is at fault)
     * @param chunk {@code position / 32}, or -1 with position -1
     * @param chunkCommitment the claimed chunk's commitment (its Merkle leaf), null if there is no such chunk
     * @param proof the inclusion proof of that chunk under the claimed root, null if there is no such chunk
     * @param evidence the verifier's logits at that position, null if the failure needs none
     * @param detail one readable line
     */
    record Rejected(Reason reason, int position, int chunk, Hash32 chunkCommitment, MerkleProof proof,
                    TokenEvidence evidence, String detail) implements Verdict {
        @Override
        public String toString() {
            return "Rejected[" + reason + " at position " + position + " (chunk " + chunk + "): " + detail + "]";
        }
    }

    /** Why a claim was rejected. */
    enum Reason {
        /** The claim's result hash or chunk root is not that of its own tokens and job. */
        COMMITMENT_MISMATCH,
        /** The claim is for another job than the one being verified. */
        JOB_MISMATCH,
        /** More output tokens than {@code maxTokens}. */
        TOO_MANY_TOKENS,
        /** More output tokens than the job's context length leaves room for after the prompt. */
        BEYOND_CONTEXT,
        /** A token id the model's vocabulary does not have. */
        TOKEN_OUTSIDE_VOCABULARY,
        /** Tokens after an end-of-generation token. */
        CONTINUED_AFTER_END,
        /** A token no logits within the tolerance would have produced. */
        TOKEN_OUTSIDE_TOLERANCE,
        /** Fewer than {@code maxTokens} tokens without an end-of-generation token or a full job context. */
        TRUNCATED
    }
}

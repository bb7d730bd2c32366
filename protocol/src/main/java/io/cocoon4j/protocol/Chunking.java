package io.cocoon4j.protocol;

import io.cocoon4j.protocol.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Output tokens are grouped in chunks of {@value #CHUNK_SIZE}: chunk {@code c} holds output
 * positions {@code [32c, min(32c + 32, n))}; only the last chunk may be shorter. Each chunk has a
 * commitment, the leaf of the chunk Merkle tree:
 * <pre>
 *   SHA-256(0x02 || jobId[32] || u32 chunkIndex || u32 count || u32 token[32c] || … )
 * </pre>
 * The job id is inside so a chunk and its proof cannot be replayed against another job's root.
 */
public final class Chunking {
    /** Tokens per chunk. */
    public static final int CHUNK_SIZE = 32;

    private Chunking() {}

    /** {@code ceil(tokenCount / 32)}; 0 for no tokens. */
    public static int chunkCount(int tokenCount) {
        if (tokenCount < 0) {
            throw new IllegalArgumentException("a token count must not be negative, got " + tokenCount);
        }
        return (tokenCount + CHUNK_SIZE - 1) / CHUNK_SIZE;
    }

    /** The chunk that holds output position {@code position}. */
    public static int chunkOf(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("a position must not be negative, got " + position);
        }
        return position / CHUNK_SIZE;
    }

    /** The commitment (Merkle leaf) of chunk {@code chunkIndex} of {@code outputTokens}. */
    public static Hash32 commitment(Hash32 jobId, int[] outputTokens, int chunkIndex) {
        Tokens.requireValid(outputTokens, "output");
        int chunks = chunkCount(outputTokens.length);
        if (chunkIndex < 0 || chunkIndex >= chunks) {
            throw new IllegalArgumentException("chunk " + chunkIndex + " does not exist; there are " + chunks);
        }
        int from = chunkIndex * CHUNK_SIZE;
        int to = Math.min(from + CHUNK_SIZE, outputTokens.length);
        return HashDomain.CHUNK.hash(new CanonicalWriter()
            .bytes32(jobId)
            .u32(chunkIndex)
            .u32(to - from)
            .tokens(outputTokens, from, to)
            .toByteArray());
    }

    /** Every chunk commitment of {@code outputTokens}, in chunk order. */
    public static List<Hash32> commitments(Hash32 jobId, int[] outputTokens) {
        int chunks = chunkCount(outputTokens.length);
        List<Hash32> leaves = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            leaves.add(commitment(jobId, outputTokens, c));
        }
        return leaves;
    }

    /** The Merkle tree over the chunk commitments of {@code outputTokens}. */
    public static MerkleTree tree(Hash32 jobId, int[] outputTokens) {
        return MerkleTree.of(commitments(jobId, outputTokens));
    }
}

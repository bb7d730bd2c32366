package io.cocoon4j.protocol.merkle;

import io.cocoon4j.protocol.HashDomain;
import io.cocoon4j.protocol.Hash32;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary Merkle tree over chunk commitments.
 *
 * <ul>
 *   <li>The leaves are padded with {@link Hash32#ZERO} up to the next power of two (a zero leaf has
 *       no known preimage, so padding cannot be passed off as a chunk).</li>
 *   <li>An inner node is {@code SHA-256(0x03 || left[32] || right[32])} (65 bytes hashed: one TON
 *       cell's worth of data).</li>
 *   <li>The root of one leaf is that leaf; the root of no leaves is {@link Hash32#ZERO}.</li>
 *   <li>The depth is {@code ceil(log2(leafCount))}, so a proof has that many siblings.</li>
 * </ul>
 * Unlike duplicating the last node, zero padding gives no two leaf lists the same root
 * (for a fixed leaf count, which the result hash commits to through the token count).
 */
public final class MerkleTree {
    private final List<List<Hash32>> levels;
    private final int leafCount;

    private MerkleTree(List<List<Hash32>> levels, int leafCount) {
        this.levels = levels;
        this.leafCount = leafCount;
    }

    /** Builds the tree over {@code leaves} (in order). */
    public static MerkleTree of(List<Hash32> leaves) {
        int width = 1;
        while (width < leaves.size()) {
            width <<= 1;
        }
        List<Hash32> level = new ArrayList<>(leaves);
        while (level.size() < width) {
            level.add(Hash32.ZERO);
        }
        List<List<Hash32>> levels = new ArrayList<>();
        levels.add(List.copyOf(level));
        while (level.size() > 1) {
            List<Hash32> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(node(level.get(i), level.get(i + 1)));
            }
            levels.add(List.copyOf(up));
            level = up;
        }
        return new MerkleTree(List.copyOf(levels), leaves.size());
    }

    /** {@code SHA-256(0x03 || left || right)}. */
    public static Hash32 node(Hash32 left, Hash32 right) {
        byte[] body = new byte[2 * Hash32.LENGTH];
        System.arraycopy(left.bytes(), 0, body, 0, Hash32.LENGTH);
        System.arraycopy(right.bytes(), 0, body, Hash32.LENGTH, Hash32.LENGTH);
        return HashDomain.NODE.hash(body);
    }

    /** {@code ceil(log2(leafCount))}; 0 for one leaf or none. */
    public static int depth(int leafCount) {
        if (leafCount < 0) {
            throw new IllegalArgumentException("a leaf count must not be negative, got " + leafCount);
        }
        int depth = 0;
        while ((1L << depth) < leafCount) {
            depth++;
        }
        return depth;
    }

    /** The number of real (unpadded) leaves. */
    public int leafCount() {
        return leafCount;
    }

    /** The root; {@link Hash32#ZERO} for no leaves. */
    public Hash32 root() {
        return leafCount == 0 ? Hash32.ZERO : levels.get(levels.size() - 1).get(0);
    }

    /** Leaf {@code index}. */
    public Hash32 leaf(int index) {
        checkIndex(index);
        return levels.get(0).get(index);
    }

    /** The inclusion proof of leaf {@code index}: its siblings from the bottom up. */
    public MerkleProof proof(int index) {
        checkIndex(index);
        List<Hash32> siblings = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            siblings.add(levels.get(l).get(i ^ 1));
            i >>= 1;
        }
        return new MerkleProof(index, leafCount, siblings);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= leafCount) {
            throw new IllegalArgumentException("leaf " + index + " does not exist; there are " + leafCount);
        }
    }
}

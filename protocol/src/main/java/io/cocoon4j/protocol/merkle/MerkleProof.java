package io.cocoon4j.protocol.merkle;

import io.cocoon4j.protocol.Hash32;
import java.util.List;
import java.util.Objects;

/**
 * Proves that a leaf sits at {@code leafIndex} in a tree of {@code leafCount} leaves. To verify,
 * start from the leaf and for each sibling {@code s[l]} (bottom-up) compute
 * {@code node(h, s[l])} if bit {@code l} of the index is 0, else {@code node(s[l], h)}; the result
 * must equal the root, and there must be exactly {@code depth(leafCount)} siblings.
 *
 * @param leafIndex the leaf's position, {@code 0 <= leafIndex < leafCount}
 * @param leafCount the number of leaves (chunks) the root was built over
 * @param siblings the sibling hashes from the leaf level up
 */
public record MerkleProof(int leafIndex, int leafCount, List<Hash32> siblings) {
    public MerkleProof {
        siblings = List.copyOf(Objects.requireNonNull(siblings, "siblings"));
    }

    /** True if this proof takes {@code leaf} to {@code root}; false for any malformed proof. */
    public boolean verifies(Hash32 leaf, Hash32 root) {
        if (leafIndex < 0 || leafIndex >= leafCount || siblings.size() != MerkleTree.depth(leafCount)) {
            return false;
        }
        Hash32 h = leaf;
        int index = leafIndex;
        for (Hash32 s : siblings) {
            h = (index & 1) == 0 ? MerkleTree.node(h, s) : MerkleTree.node(s, h);
            index >>= 1;
        }
        return h.equals(root);
    }
}

package io.cocoon4j.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.protocol.Hash32;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Inclusion proofs verify for every leaf and fail for any tampered leaf, sibling, index or count. */
class MerkleTreeTest {

    @Property(tries = 100)
    void everyLeafProvesItsInclusion(@ForAll("leaves") List<Hash32> leaves) {
        MerkleTree tree = MerkleTree.of(leaves);
        for (int i = 0; i < leaves.size(); i++) {
            MerkleProof proof = tree.proof(i);
            assertThat(proof.siblings()).hasSize(MerkleTree.depth(leaves.size()));
            assertThat(proof.verifies(leaves.get(i), tree.root())).isTrue();
        }
    }

    @Property(tries = 100)
    void aTamperedLeafFails(@ForAll("leaves") List<Hash32> leaves, @ForAll @IntRange(max = 1000) int pick,
                            @ForAll @IntRange(max = 255) int bit) {
        MerkleTree tree = MerkleTree.of(leaves);
        int i = pick % leaves.size();
        assertThat(tree.proof(i).verifies(flip(leaves.get(i), bit), tree.root())).isFalse();
    }

    @Property(tries = 100)
    void aTamperedSiblingFails(@ForAll("leaves") List<Hash32> leaves, @ForAll @IntRange(max = 1000) int pick,
                               @ForAll @IntRange(max = 1000) int level, @ForAll @IntRange(max = 255) int bit) {
        net.jqwik.api.Assume.that(leaves.size() > 1);
        MerkleTree tree = MerkleTree.of(leaves);
        int i = pick % leaves.size();
        MerkleProof proof = tree.proof(i);
        List<Hash32> siblings = new ArrayList<>(proof.siblings());
        int l = level % siblings.size();
        siblings.set(l, flip(siblings.get(l), bit));
        assertThat(new MerkleProof(i, leaves.size(), siblings).verifies(leaves.get(i), tree.root())).isFalse();
    }

    @Property(tries = 100)
    void aWrongIndexOrCountFails(@ForAll("leaves") List<Hash32> leaves, @ForAll @IntRange(max = 1000) int pick,
                                 @ForAll @IntRange(min = 1, max = 1000) int shift) {
        MerkleTree tree = MerkleTree.of(leaves);
        int n = leaves.size();
        int i = pick % n;
        MerkleProof proof = tree.proof(i);
        int other = (i + shift) % Math.max(n, 2);
        if (other != i) {
            assertThat(new MerkleProof(other, n, proof.siblings()).verifies(leaves.get(i), tree.root())).isFalse();
        }
        assertThat(new MerkleProof(i + n, n, proof.siblings()).verifies(leaves.get(i), tree.root())).isFalse();
        assertThat(new MerkleProof(-1, n, proof.siblings()).verifies(leaves.get(i), tree.root())).isFalse();
        assertThat(new MerkleProof(i, 2 * n + 1, proof.siblings()).verifies(leaves.get(i), tree.root())).isFalse();
    }

    @Test
    void smallTreesHaveTheDocumentedShape() {
        Hash32 a = Hash32.fromHex("11".repeat(32));
        Hash32 b = Hash32.fromHex("22".repeat(32));
        Hash32 c = Hash32.fromHex("33".repeat(32));
        assertThat(MerkleTree.of(List.of()).root()).isEqualTo(Hash32.ZERO);
        assertThat(MerkleTree.of(List.of(a)).root()).isEqualTo(a);
        assertThat(MerkleTree.of(List.of(a, b)).root()).isEqualTo(MerkleTree.node(a, b));
        assertThat(MerkleTree.of(List.of(a, b, c)).root())
            .isEqualTo(MerkleTree.node(MerkleTree.node(a, b), MerkleTree.node(c, Hash32.ZERO)));
        assertThat(MerkleTree.depth(5)).isEqualTo(3);
    }

    @Provide
    Arbitrary<List<Hash32>> leaves() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::of).list().ofMinSize(1).ofMaxSize(40);
    }

    private static Hash32 flip(Hash32 h, int bit) {
        byte[] b = h.bytes();
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        return Hash32.of(b);
    }
}

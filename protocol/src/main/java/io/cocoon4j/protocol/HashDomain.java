package io.cocoon4j.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The kinds of SHA-256 hash the protocol computes. Every hash is
 * {@code SHA-256(tag || body)} where {@code tag} is this domain's single byte, so a value of
 * one kind (say a Merkle leaf) can never be presented as another (an inner node). The tags are
 * part of the wire format and never change meaning.
 */
public enum HashDomain {
    /** {@code 0x01}: the result hash of {@link ResultClaim}. */
    RESULT(0x01),
    /** {@code 0x02}: a chunk commitment, the leaf of the chunk Merkle tree. */
    CHUNK(0x02),
    /** {@code 0x03}: an inner node of the chunk Merkle tree. */
    NODE(0x03),
    /** {@code 0x04}: an engine id ({@link EngineId#hash()}). */
    ENGINE(0x04),
    /** {@code 0x05}: an input commitment ({@link InputCommitment}). */
    INPUT(0x05);

    private final byte tag;

    HashDomain(int tag) {
        this.tag = (byte) tag;
    }

    /** The domain-separation byte that starts every hashed message of this kind. */
    public byte tag() {
        return tag;
    }

    /** {@code SHA-256(tag || body)}. */
    public Hash32 hash(byte[] body) {
        MessageDigest sha = sha256();
        sha.update(tag);
        sha.update(body);
        return Hash32.of(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

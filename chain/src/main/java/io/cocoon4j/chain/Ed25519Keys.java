package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import com.iwebpp.crypto.TweetNaclFast;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An Ed25519 key pair as TON wallets use it: a 32-byte seed, the 32-byte public key and the
 * 64-byte NaCl secret key (seed ‖ public key).
 */
public final class Ed25519Keys {
    private final byte[] seed;
    private final byte[] publicKey;
    private final byte[] secretKey;

    private Ed25519Keys(byte[] seed) {
        TweetNaclFast.Signature.KeyPair kp = TweetNaclFast.Signature.keyPair_fromSeed(seed);
        this.seed = seed.clone();
        this.publicKey = kp.getPublicKey();
        this.secretKey = kp.getSecretKey();
    }

    /** Keys from a 32-byte secret seed. */
    public static Ed25519Keys fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        return new Ed25519Keys(seed);
    }

    /**
     * Deterministic test keys: the seed is SHA-256 of the UTF-8 name. The same name gives the same
     * wallet in every run and in the JavaScript reference scripts. Never for real funds.
     */
    public static Ed25519Keys fromName(String name) {
        try {
            return new Ed25519Keys(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Hash32 publicKey() {
        return Hash32.of(publicKey);
    }

    /** The 32-byte seed, for persisting the key. */
    public byte[] seed() {
        return seed.clone();
    }

    /** Detached Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] sign(byte[] message) {
        return new TweetNaclFast.Signature(publicKey, secretKey).detached(message);
    }

    /** Whether {@code signature} is this key's signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        return new TweetNaclFast.Signature(publicKey, secretKey).detached_verify(message, signature);
    }
}

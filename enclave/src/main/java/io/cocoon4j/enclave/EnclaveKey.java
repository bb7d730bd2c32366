package io.cocoon4j.enclave;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 key pair: the enclave's identity key, or the local key that signs simulated evidence.
 *
 * <p>The private half never leaves the process on its own; {@link #privateKey()} exists for JSSE,
 * which needs it to sign the TLS handshake.
 */
public final class EnclaveKey {

    /** Length of a raw Ed25519 public key. */
    public static final int RAW_PUBLIC_KEY_LENGTH = 32;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    // DER prefixes of SubjectPublicKeyInfo / PKCS#8 for Ed25519 (RFC 8410): fixed for every key.
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final KeyPair keyPair;
    private final byte[] rawPublicKey;

    private EnclaveKey(KeyPair keyPair, byte[] rawPublicKey) {
        this.keyPair = keyPair;
        this.rawPublicKey = rawPublicKey;
    }

    /** A fresh random key. */
    public static EnclaveKey generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return fromSeed(seed);
    }

    /**
     * The key whose 32-byte private seed is given (RFC 8032); the same seed gives the same key.
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static EnclaveKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
            return new EnclaveKey(new KeyPair(decodePublicKey(raw), priv), raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is built into Java 15+", e);
        }
    }

    /**
     * Turns a raw 32-byte Ed25519 public key into a JCA key.
     *
     * @throws IllegalArgumentException if the bytes are not a valid encoded point
     */
    public static PublicKey decodePublicKey(byte[] raw) {
        if (raw == null || raw.length != RAW_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * The raw 32 bytes of a JCA Ed25519 public key, or {@code null} if the key is not Ed25519.
     */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki == null || spki.length != SPKI_PREFIX.length + RAW_PUBLIC_KEY_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    /**
     * Checks an Ed25519 signature; false for any malformed key or signature, never an exception.
     */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(decodePublicKey(rawPublicKey));
            v.update(message);
            return v.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Signs with Ed25519 (64-byte signature). */
    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keyPair.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The raw 32-byte public key (what REPORTDATA and the chain carry). */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** The JCA public key. */
    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The JCA private key, for JSSE and certificate signing only. */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** The public key in hex, never the private one. */
    @Override
    public String toString() {
        return "EnclaveKey[" + HexFormat.of().formatHex(rawPublicKey) + "]";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

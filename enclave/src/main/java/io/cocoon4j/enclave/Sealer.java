package io.cocoon4j.enclave;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing with a versioned envelope: {@code "C4JS" ‖ version(1) ‖ IV(12) ‖ ciphertext ‖
 * tag(16)}, the 5 header bytes authenticated as associated data.
 */
final class Sealer {

    private static final byte[] MAGIC = "C4JS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + 1;
    /** Bounds what unseal will even try to decrypt. */
    static final int MAX_SEALED_LENGTH = 16 * 1024 * 1024;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    Sealer(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] seal(byte[] secret) {
        if (secret == null || secret.length > MAX_SEALED_LENGTH - HEADER - IV_LENGTH - TAG_BITS / 8) {
            throw new IllegalArgumentException("a secret to seal is at most about 16 MiB");
        }
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) VERSION).array();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(header);
            byte[] ct = c.doFinal(secret);
            return ByteBuffer.allocate(HEADER + IV_LENGTH + ct.length).put(header).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is built into Java", e);
        }
    }

    byte[] unseal(byte[] sealed) throws EnclaveException {
        if (sealed == null || sealed.length < HEADER + IV_LENGTH + TAG_BITS / 8) {
            throw new EnclaveException("sealed blob too short");
        }
        if (sealed.length > MAX_SEALED_LENGTH) {
            throw new EnclaveException("sealed blob of " + sealed.length + " bytes exceeds the limit");
        }
        if (!Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new EnclaveException("not a cocoon4j sealed blob (bad magic)");
        }
        int version = Byte.toUnsignedInt(sealed[MAGIC.length]);
        if (version != VERSION) {
            throw new EnclaveException("unsupported sealed blob version " + version);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, HEADER, IV_LENGTH));
            c.updateAAD(sealed, 0, HEADER);
            return c.doFinal(sealed, HEADER + IV_LENGTH, sealed.length - HEADER - IV_LENGTH);
        } catch (AEADBadTagException e) {
            throw new EnclaveException("sealed blob was tampered with or sealed by another enclave");
        } catch (GeneralSecurityException e) {
            throw new EnclaveException("cannot unseal: " + e.getMessage(), e);
        }
    }
}

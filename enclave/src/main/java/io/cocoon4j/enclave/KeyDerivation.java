package io.cocoon4j.enclave;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869) with a fixed salt: one secret, independent keys per purpose label. */
final class KeyDerivation {

    private static final byte[] SALT = "cocoon4j-enclave-v1".getBytes(StandardCharsets.US_ASCII);

    private KeyDerivation() {
    }

    /** 32 bytes for the given purpose. */
    static byte[] derive(byte[] secret, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, SALT, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }
}

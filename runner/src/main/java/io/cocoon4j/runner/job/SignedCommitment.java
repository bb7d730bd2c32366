package io.cocoon4j.runner.job;

import io.cocoon4j.enclave.EnclaveKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A result commitment with the runner's enclave signature over
 * {@link CommitmentEncoding#signedBytes}.
 *
 * @param commitment the posted values
 * @param signature 64-byte Ed25519 signature by the runner's enclave identity key
 */
public record SignedCommitment(ResultCommitment commitment, byte[] signature) {
    public SignedCommitment {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(signature, "signature");
        if (signature.length != EnclaveKey.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, got " + signature.length);
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether the signature is {@code enclaveKey}'s over this commitment under {@code encoding}. */
    public boolean signedBy(byte[] enclaveKey, CommitmentEncoding encoding) {
        return EnclaveKey.verify(enclaveKey, encoding.signedBytes(commitment), signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedCommitment s && commitment.equals(s.commitment) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return commitment.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedCommitment[" + commitment + ", signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}

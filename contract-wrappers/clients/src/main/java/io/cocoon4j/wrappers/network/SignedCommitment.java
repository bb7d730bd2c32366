package io.cocoon4j.wrappers.network;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.Commitment;
import java.util.Objects;
import org.ton.ton4j.address.Address;

/**
 * A runner's commitment to one job's result, as the job contract checks it: the {@code Commitment}
 * cell of job.tlb (job address, result hash, token count, chunk Merkle root) and the enclave key's
 * Ed25519 signature over that cell's representation hash. The job contract recomputes the same
 * hash with {@code HASHCU} and verifies with {@code CHKSIGNU}.
 *
 * @param commitment the signed cell's content
 * @param signature 64 bytes
 */
public record SignedCommitment(Commitment commitment, Bits signature) {
    public SignedCommitment {
        Objects.requireNonNull(commitment, "commitment");
        if (signature.length() != 512) {
            throw new IllegalArgumentException("an Ed25519 signature has 512 bits, got " + signature.length());
        }
    }

    /** The commitment of {@code claim} for the job at {@code job}. */
    public static Commitment commitmentOf(Address job, ResultClaim claim) {
        return new Commitment(MsgAddress.of(job), Bits.of(claim.resultHash().bytes()), claim.tokenCount(),
                Bits.of(claim.chunkRoot().bytes()));
    }

    /** Signs {@code commitment} with the enclave key. */
    public static SignedCommitment sign(Ed25519Keys enclaveKey, Commitment commitment) {
        return new SignedCommitment(commitment, Bits.of(enclaveKey.sign(commitment.toCell().getHash())));
    }

    /** Signs the commitment of {@code claim} for the job at {@code job}. */
    public static SignedCommitment sign(Ed25519Keys enclaveKey, Address job, ResultClaim claim) {
        return sign(enclaveKey, commitmentOf(job, claim));
    }

    /** Whether {@code publicKey} signed this commitment (the check the contract makes). */
    public boolean verifiedBy(Ed25519Keys publicKey) {
        return publicKey.verify(commitment.toCell().getHash(), signature.toByteArray());
    }
}

package io.cocoon4j.runner.job;

/**
 * The bytes an enclave key signs to commit to a result, and a client or a contract checks the
 * signature against. On TON these are the hash of the job contract's commitment cell (which also
 * names the job's address), so the contract can check the signature with {@code check_signature};
 * the contract wiring implements this interface. Runner and client must use the same encoding.
 */
@FunctionalInterface
public interface CommitmentEncoding {

    /** The exact bytes to sign for {@code commitment}. */
    byte[] signedBytes(ResultCommitment commitment);
}

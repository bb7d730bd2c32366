package io.cocoon4j.enclave;

/**
 * A trusted execution environment as the runner sees it from the inside: an identity key, evidence
 * binding that key to an operator, and sealing of secrets.
 *
 * <p>Implementations: {@link TdxEnclave} (Intel TDX through Linux configfs-tsm) and
 * {@link SimulatedEnclave} (development; its evidence is accepted only by a policy that allows
 * simulated enclaves). Implementations are thread-safe.
 */
public interface Enclave {

    /** Which TEE this is. */
    TeeType teeType();

    /** The enclave's Ed25519 identity key: signs result commitments, serves as the RA-TLS key. */
    EnclaveKey identityKey();

    /**
     * Produces evidence whose REPORTDATA is {@link ReportData#bind}(identity key, operator, nonce).
     *
     * @param operator the operator's wallet address
     * @param nonce 0 to {@link ReportData#MAX_NONCE_LENGTH} bytes, normally chosen by the verifier
     * @throws EnclaveException if the TEE could not produce evidence (the message says why)
     * @throws IllegalArgumentException if the nonce is too long
     */
    Evidence evidence(OperatorAddress operator, byte[] nonce) throws EnclaveException;

    /**
     * Encrypts and authenticates a secret so that only this enclave (see the implementation for
     * what "this" means) can open it.
     *
     * @throws EnclaveException if this enclave cannot seal (e.g. no sealing secret configured)
     */
    byte[] seal(byte[] secret) throws EnclaveException;

    /**
     * Opens a blob made by {@link #seal}.
     *
     * @throws EnclaveException if the blob is malformed, tampered with, or sealed by another enclave
     */
    byte[] unseal(byte[] sealed) throws EnclaveException;
}

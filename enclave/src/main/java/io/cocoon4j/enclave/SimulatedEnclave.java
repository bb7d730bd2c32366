package io.cocoon4j.enclave;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * An enclave for development and local networks. It runs anywhere and protects nothing.
 *
 * <p>All its keys derive (HKDF-SHA256) from one 32-byte local secret: the identity key, the key
 * that signs its {@link SimulatedEvidence}, and the AES-256-GCM sealing key. With
 * {@link #open(Path, String)} the secret lives in {@code simulated-enclave.secret} in a state
 * directory (created owner-only), so keys and sealed data survive restarts. Its measurement is
 * {@link Measurement#ofSimulatedImage(String)} of an image name; a root contract deployed to
 * testnet or mainnet never allow-lists it, and verifiers accept its evidence only with
 * {@link AttestationPolicy.Builder#allowSimulated(boolean)}.
 */
public final class SimulatedEnclave implements Enclave {

    /** Name of the secret file inside the state directory. */
    public static final String SECRET_FILE = "simulated-enclave.secret";

    private final EnclaveKey identity;
    private final EnclaveKey signer;
    private final Sealer sealer;
    private final Measurement measurement;

    private SimulatedEnclave(byte[] secret, String imageName) {
        this.identity = EnclaveKey.fromSeed(KeyDerivation.derive(secret, "simulated/identity"));
        this.signer = EnclaveKey.fromSeed(KeyDerivation.derive(secret, "simulated/evidence-signer"));
        this.sealer = new Sealer(KeyDerivation.derive(secret, "simulated/seal"));
        this.measurement = Measurement.ofSimulatedImage(imageName);
    }

    /**
     * Opens (or creates) the simulated enclave whose secret lives in {@code stateDir}.
     *
     * @param imageName names the "image" whose measurement this enclave reports
     * @throws EnclaveException if the directory or secret file cannot be read or created, or the
     *     secret file is not exactly 32 bytes
     */
    public static SimulatedEnclave open(Path stateDir, String imageName) throws EnclaveException {
        Path file = stateDir.resolve(SECRET_FILE);
        try {
            Files.createDirectories(stateDir);
            if (!Files.exists(file)) {
                createSecret(file);
            }
            long size = Files.size(file);
            if (size != 32) {
                throw new EnclaveException(file + " holds " + size + " bytes, a simulated enclave secret is 32");
            }
            return new SimulatedEnclave(Files.readAllBytes(file), imageName);
        } catch (IOException e) {
            throw new EnclaveException("cannot open simulated enclave state in " + stateDir + ": " + e, e);
        }
    }

    /** A simulated enclave with a fresh in-memory secret (tests, throwaway local networks). */
    public static SimulatedEnclave ephemeral(String imageName) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SimulatedEnclave(secret, imageName);
    }

    private static void createSecret(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.write(file, secret, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use theirs.
        }
    }

    @Override
    public TeeType teeType() {
        return TeeType.SIMULATED;
    }

    @Override
    public EnclaveKey identityKey() {
        return identity;
    }

    /** The measurement this enclave reports. */
    public Measurement measurement() {
        return measurement;
    }

    /** The raw Ed25519 key that signs this enclave's evidence (to pin in a policy). */
    public byte[] evidenceSignerKey() {
        return signer.rawPublicKey();
    }

    @Override
    public Evidence evidence(OperatorAddress operator, byte[] nonce) {
        return SimulatedEvidence.sign(signer, measurement, ReportData.bind(identity.rawPublicKey(), operator, nonce));
    }

    @Override
    public byte[] seal(byte[] secret) {
        return sealer.seal(secret);
    }

    @Override
    public byte[] unseal(byte[] sealed) throws EnclaveException {
        return sealer.unseal(sealed);
    }
}

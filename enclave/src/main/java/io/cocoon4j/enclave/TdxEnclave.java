package io.cocoon4j.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Intel TDX, from inside a trust domain, through the Linux configfs-tsm report interface
 * (kernel 6.7+, {@code /sys/kernel/config/tsm/report}).
 *
 * <p>Evidence: for each request it creates a report entry {@code <root>/cocoon4j-<random>}, checks
 * {@code provider} is {@code tdx_guest}, reads {@code generation}, writes the 64-byte REPORTDATA to
 * {@code inblob}, reads the quote from {@code outblob}, reads {@code generation} again and discards
 * the quote unless it advanced by exactly one (another writer on the same entry would make the
 * quote answer someone else's REPORTDATA), then removes the entry.
 *
 * <p>Identity key: generated afresh in memory when the enclave is opened; it never touches disk.
 * It is deliberately not derived from the sealing secret: that secret comes from outside the TD,
 * and whoever supplies it must not be able to sign as the enclave. A restarted TD therefore has a
 * new key and re-registers it (with fresh evidence) on-chain.
 *
 * <p>Sealing, honestly: a TDX guest has no hardware sealing key (unlike SGX's EGETKEY). This class
 * seals with AES-256-GCM under a key derived (HKDF-SHA256) from a sealing secret supplied by the
 * caller. That protects sealed data exactly as well as the secret is protected: it is meant to be
 * released to the TD only after the TD has attested (e.g. by a KMS over RA-TLS). Without a secret,
 * {@link #seal} and {@link #unseal} fail with a clear message instead of pretending.
 */
public final class TdxEnclave implements Enclave {

    /** Where configfs-tsm lives on a TDX guest. */
    public static final Path DEFAULT_REPORT_ROOT = Path.of("/sys/kernel/config/tsm/report");
    /** The provider name the kernel's TDX guest driver registers. */
    public static final String TDX_PROVIDER = "tdx_guest";

    private static final int SMALL_ATTRIBUTE_LIMIT = 64;

    private final Path reportRoot;
    private final ConfigFs fs;
    private final EnclaveKey identity = EnclaveKey.generate();
    private final Sealer sealer;
    private final SecureRandom random = new SecureRandom();

    TdxEnclave(Path reportRoot, byte[] sealingSecret, ConfigFs fs) {
        this.reportRoot = reportRoot;
        this.fs = fs;
        this.sealer = sealingSecret == null ? null : new Sealer(KeyDerivation.derive(sealingSecret, "tdx/seal"));
    }

    /**
     * Opens the TDX enclave.
     *
     * @param reportRoot the configfs-tsm report directory, normally {@link #DEFAULT_REPORT_ROOT}
     * @param sealingSecret at least 32 bytes delivered to this TD after attestation, or {@code null}
     *     to run without sealing
     * @throws EnclaveException if the directory does not exist (not a TDX guest, or configfs not
     *     mounted) or the secret is too short
     */
    public static TdxEnclave open(Path reportRoot, byte[] sealingSecret) throws EnclaveException {
        if (!Files.isDirectory(reportRoot)) {
            throw new EnclaveException("configfs-tsm not found at " + reportRoot
                    + ": not a TDX guest, kernel older than 6.7, or configfs not mounted");
        }
        if (sealingSecret != null && sealingSecret.length < 32) {
            throw new EnclaveException("a sealing secret must be at least 32 bytes");
        }
        return new TdxEnclave(reportRoot, sealingSecret == null ? null : sealingSecret.clone(), ConfigFs.SYSTEM);
    }

    @Override
    public TeeType teeType() {
        return TeeType.TDX;
    }

    @Override
    public EnclaveKey identityKey() {
        return identity;
    }

    @Override
    public synchronized Evidence evidence(OperatorAddress operator, byte[] nonce) throws EnclaveException {
        byte[] reportData = ReportData.bind(identity.rawPublicKey(), operator, nonce).bytes();
        byte[] name = new byte[8];
        random.nextBytes(name);
        Path entry = reportRoot.resolve("cocoon4j-" + HexFormat.of().formatHex(name));
        try {
            fs.mkdir(entry);
        } catch (IOException e) {
            throw new EnclaveException("cannot create report entry " + entry + ": " + e, e);
        }
        try {
            String provider = readText(entry.resolve("provider"));
            if (!TDX_PROVIDER.equals(provider)) {
                throw new EnclaveException("configfs-tsm provider is '" + provider + "', not " + TDX_PROVIDER);
            }
            long before = readGeneration(entry);
            fs.write(entry.resolve("inblob"), reportData);
            byte[] quote = fs.read(entry.resolve("outblob"), EvidenceCodec.MAX_QUOTE_LENGTH);
            long after = readGeneration(entry);
            if (after != before + 1) {
                throw new EnclaveException("report generation went from " + before + " to " + after
                        + ": another writer raced on " + entry + ", quote discarded");
            }
            if (quote.length == 0) {
                throw new EnclaveException("the kernel returned an empty quote");
            }
            if (quote.length > EvidenceCodec.MAX_QUOTE_LENGTH) {
                throw new EnclaveException("the kernel returned a quote over " + EvidenceCodec.MAX_QUOTE_LENGTH + " bytes");
            }
            return new TdxEvidence(quote);
        } catch (IOException e) {
            throw new EnclaveException("configfs-tsm report failed at " + entry + ": " + e, e);
        } finally {
            try {
                fs.rmdir(entry);
            } catch (IOException e) {
                // Leaving an entry behind leaks a little kernel memory, nothing more; the quote stands.
            }
        }
    }

    private String readText(Path file) throws IOException, EnclaveException {
        byte[] bytes = fs.read(file, SMALL_ATTRIBUTE_LIMIT);
        if (bytes.length > SMALL_ATTRIBUTE_LIMIT) {
            throw new EnclaveException(file + " is longer than " + SMALL_ATTRIBUTE_LIMIT + " bytes");
        }
        return new String(bytes, StandardCharsets.US_ASCII).strip();
    }

    private long readGeneration(Path entry) throws IOException, EnclaveException {
        String text = readText(entry.resolve("generation"));
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new EnclaveException("generation is not a number: '" + text + "'");
        }
    }

    @Override
    public byte[] seal(byte[] secret) throws EnclaveException {
        return requireSealer().seal(secret);
    }

    @Override
    public byte[] unseal(byte[] sealed) throws EnclaveException {
        return requireSealer().unseal(sealed);
    }

    private Sealer requireSealer() throws EnclaveException {
        if (sealer == null) {
            throw new EnclaveException("TDX has no hardware sealing key and no sealing secret was provided to this TdxEnclave");
        }
        return sealer;
    }
}

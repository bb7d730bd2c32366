package io.cocoon4j.enclave;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Evidence made by a {@link SimulatedEnclave}: a measurement and REPORTDATA signed by the simulated
 * enclave's local Ed25519 key. It proves only that whoever holds that key said so; a policy accepts
 * it only with {@link AttestationPolicy.Builder#allowSimulated(boolean)} set.
 *
 * @param measurement the simulated image's measurement
 * @param reportData the binding of identity key, operator and nonce
 * @param signerKey raw Ed25519 public key of the local signer
 * @param signature Ed25519 signature over {@link #signedBytes(Measurement, ReportData)}
 */
public record SimulatedEvidence(Measurement measurement, ReportData reportData, byte[] signerKey, byte[] signature)
        implements Evidence {

    private static final byte[] DOMAIN = "cocoon4j-simulated-evidence-v1".getBytes(StandardCharsets.US_ASCII);

    public SimulatedEvidence {
        if (measurement == null || reportData == null) {
            throw new IllegalArgumentException("measurement and report data are required");
        }
        if (signerKey == null || signerKey.length != EnclaveKey.RAW_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("the signer key is 32 bytes");
        }
        if (signature == null || signature.length != EnclaveKey.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("the signature is 64 bytes");
        }
        signerKey = signerKey.clone();
        signature = signature.clone();
    }

    /** Signs a measurement and REPORTDATA with the simulated enclave's local key. */
    public static SimulatedEvidence sign(EnclaveKey signer, Measurement measurement, ReportData reportData) {
        return new SimulatedEvidence(measurement, reportData, signer.rawPublicKey(),
                signer.sign(signedBytes(measurement, reportData)));
    }

    /** The exact bytes the signature covers: a domain tag, the measurement, the REPORTDATA. */
    public static byte[] signedBytes(Measurement measurement, ReportData reportData) {
        byte[] out = Arrays.copyOf(DOMAIN, DOMAIN.length + Measurement.LENGTH + ReportData.LENGTH);
        System.arraycopy(measurement.bytes(), 0, out, DOMAIN.length, Measurement.LENGTH);
        System.arraycopy(reportData.bytes(), 0, out, DOMAIN.length + Measurement.LENGTH, ReportData.LENGTH);
        return out;
    }

    /** Whether the signature is valid for the embedded signer key (says nothing about trusting that key). */
    public boolean signatureValid() {
        return EnclaveKey.verify(signerKey, signedBytes(measurement, reportData), signature);
    }

    @Override
    public byte[] signerKey() {
        return signerKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public TeeType teeType() {
        return TeeType.SIMULATED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatedEvidence other && measurement.equals(other.measurement)
                && reportData.equals(other.reportData) && Arrays.equals(signerKey, other.signerKey)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return measurement.hashCode() * 31 + reportData.hashCode();
    }

    @Override
    public String toString() {
        return "SimulatedEvidence[measurement=" + measurement + ", signer=" + HexFormat.of().formatHex(signerKey) + "]";
    }
}

package io.cocoon4j.enclave.dcap.testing;

import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.collateral.CollateralException;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * TCB info and QE identity JSON in Intel's PCS format, signed by a {@link TestPki}'s TCB
 * signing key over their exact bytes. Valid for January 2025. The default platform levels,
 * best first: UpToDate (SGX 4s, PCE 11, TDX 3.0.6), SWHardeningNeeded (3s, 10, 3.0.5),
 * ConfigurationNeeded (3s, 10, 3.0.4), OutOfDate (2s, 10, 0), Revoked (1s, 5, 0); TDX module
 * identity TDX_01: UpToDate from SVN 6, OutOfDate from 2; QE: UpToDate from ISVSVN 4, OutOfDate from 2.
 */
public final class SyntheticCollateral {
    public static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant NEXT_UPDATE = Instant.parse("2025-02-01T00:00:00Z");
    /** A time inside every validity window of the synthetic PKI and collateral. */
    public static final Instant AT = Instant.parse("2025-01-15T00:00:00Z");

    private final TestPki pki;
    public String tcbInfoBody;
    public String qeIdentityBody;
    public X509CRL pckCrl;
    public X509CRL rootCrl;
    /** Who signs the JSON, and the chain shipped with it (default: the PKI's TCB signing certificate). */
    public PrivateKey signingKey;
    public List<X509Certificate> signingChain;

    public SyntheticCollateral(TestPki pki) {
        this.pki = pki;
        this.tcbInfoBody = tcbInfo(TestPki.FMSPC);
        this.qeIdentityBody = qeIdentity();
        this.pckCrl = pki.pckCrl();
        this.rootCrl = pki.rootCrl();
        this.signingKey = pki.tcbSigningKey.getPrivate();
        this.signingChain = List.of(pki.tcbSigning, pki.root);
    }

    private static String level(int sgx, int pce, int[] tdx, String status, String advisories) {
        StringBuilder s = new StringBuilder("{\"tcb\":{\"sgxtcbcomponents\":[");
        for (int i = 0; i < 16; i++) {
            s.append(i > 0 ? "," : "").append("{\"svn\":").append(sgx).append('}');
        }
        s.append("],\"pcesvn\":").append(pce).append(",\"tdxtcbcomponents\":[");
        for (int i = 0; i < 16; i++) {
            s.append(i > 0 ? "," : "").append("{\"svn\":").append(i < tdx.length ? tdx[i] : 0).append('}');
        }
        s.append("]},\"tcbDate\":\"2024-11-13T00:00:00Z\",\"tcbStatus\":\"").append(status).append('"');
        if (advisories != null) {
            s.append(",\"advisoryIDs\":[").append(advisories).append(']');
        }
        return s.append('}').toString();
    }

    public static String tcbInfo(String fmspc) {
        return tcbInfo(fmspc, true);
    }

    /** TCB info for {@code fmspc}, with or without the {@code tdxModuleIdentities} array. */
    public static String tcbInfo(String fmspc, boolean moduleIdentities) {
        String zeros48 = "0".repeat(96);
        String identities = "\"tdxModuleIdentities\":[{\"id\":\"TDX_01\",\"mrsigner\":\"" + zeros48 + "\",\"attributes\":\"0000000000000000\","
            + "\"attributesMask\":\"FFFFFFFFFFFFFFFF\",\"tcbLevels\":[{\"tcb\":{\"isvsvn\":6},\"tcbDate\":\"2024-11-13T00:00:00Z\",\"tcbStatus\":\"UpToDate\"},"
            + "{\"tcb\":{\"isvsvn\":2},\"tcbDate\":\"2023-08-09T00:00:00Z\",\"tcbStatus\":\"OutOfDate\",\"advisoryIDs\":[\"INTEL-SA-01036\"]}]}],";
        return "{\"id\":\"TDX\",\"version\":3,\"issueDate\":\"" + ISSUED + "\",\"nextUpdate\":\"" + NEXT_UPDATE + "\","
            + "\"fmspc\":\"" + fmspc + "\",\"pceId\":\"0000\",\"tcbType\":0,\"tcbEvaluationDataNumber\":17,"
            + "\"tdxModule\":{\"mrsigner\":\"" + zeros48 + "\",\"attributes\":\"0000000000000000\",\"attributesMask\":\"FFFFFFFFFFFFFFFF\"},"
            + (moduleIdentities ? identities : "")
            + "\"tcbLevels\":["
            + level(4, 11, new int[] {3, 0, 6}, "UpToDate", null) + ","
            + level(3, 10, new int[] {3, 0, 5}, "SWHardeningNeeded", "\"INTEL-SA-00615\"") + ","
            + level(3, 10, new int[] {3, 0, 4}, "ConfigurationNeeded", "\"INTEL-SA-00828\"") + ","
            + level(2, 10, new int[] {0}, "OutOfDate", "\"INTEL-SA-00615\",\"INTEL-SA-00837\"") + ","
            + level(1, 5, new int[] {0}, "Revoked", "\"INTEL-SA-00106\"") + "]}";
    }

    private static String qeIdentity() {
        return "{\"id\":\"TD_QE\",\"version\":2,\"issueDate\":\"" + ISSUED + "\",\"nextUpdate\":\"" + NEXT_UPDATE + "\","
            + "\"tcbEvaluationDataNumber\":17,\"miscselect\":\"00000000\",\"miscselectMask\":\"FFFFFFFF\","
            + "\"attributes\":\"11000000000000000000000000000000\",\"attributesMask\":\"FBFFFFFFFFFFFFFF0000000000000000\","
            + "\"mrsigner\":\"" + HexFormat.of().formatHex(SyntheticQuote.QE_MRSIGNER).toUpperCase() + "\",\"isvprodid\":"
            + SyntheticQuote.QE_ISVPRODID + ",\"tcbLevels\":[{\"tcb\":{\"isvsvn\":4},\"tcbDate\":\"2024-03-13T00:00:00Z\",\"tcbStatus\":\"UpToDate\"},"
            + "{\"tcb\":{\"isvsvn\":2},\"tcbDate\":\"2023-02-15T00:00:00Z\",\"tcbStatus\":\"OutOfDate\",\"advisoryIDs\":[\"INTEL-SA-00837\"]}]}";
    }

    /** The PCS response body: {@code {"tcbInfo":<body>,"signature":"<hex>"}}, signature over the body bytes. */
    public byte[] tcbInfoResponse() {
        return signed("tcbInfo", tcbInfoBody);
    }

    public byte[] qeIdentityResponse() {
        return signed("enclaveIdentity", qeIdentityBody);
    }

    private byte[] signed(String field, String body) {
        try {
            byte[] sig = SyntheticQuote.sign(signingKey, body.getBytes(StandardCharsets.UTF_8));
            return ("{\"" + field + "\":" + body + ",\"signature\":\"" + HexFormat.of().formatHex(sig) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Collateral collateral() throws CollateralException {
        try {
            return Collateral.of(tcbInfoResponse(), qeIdentityResponse(), pckCrl.getEncoded(), rootCrl.getEncoded(),
                signingChain);
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the collateral in the directory layout {@code CollateralDirectory} reads. */
    public Path writeTo(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("tcb_info.json"), tcbInfoResponse());
            Files.write(dir.resolve("qe_identity.json"), qeIdentityResponse());
            Files.write(dir.resolve("pck_crl.der"), pckCrl.getEncoded());
            Files.write(dir.resolve("root_crl.der"), rootCrl.getEncoded());
            Files.writeString(dir.resolve("tcb_signing_chain.pem"), PemCertificates.encode(signingChain));
            return dir;
        } catch (java.security.cert.CRLException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}

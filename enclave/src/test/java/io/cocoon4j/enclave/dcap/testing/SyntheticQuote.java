package io.cocoon4j.enclave.dcap.testing;

import io.cocoon4j.enclave.dcap.pki.P256;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * Builds TDX quotes v4/v5 the way a quoting enclave does, signed by a {@link TestPki}: the QE
 * report is signed by the PCK key and binds a fresh attestation key, which signs header and
 * TD report. Offsets of every region are exposed for mutation tests.
 */
public final class SyntheticQuote {
    public static final byte[] QE_MRSIGNER = filled(32, 0x11);
    public static final int QE_ISVPRODID = 2;

    public int version = 4;
    public boolean tdx15 = false;
    public byte[] teeTcbSvn = svn(3, 0, 5);
    public byte[] seamAttributes = new byte[8];
    public byte[] tdAttributes = new byte[8];
    public byte[] mrTd = filled(48, 0xa1);
    public byte[] mrConfigId = new byte[48];
    public byte[] mrOwner = new byte[48];
    public byte[] mrOwnerConfig = new byte[48];
    public byte[][] rtmrs = {filled(48, 0xb0), filled(48, 0xb1), filled(48, 0xb2), filled(48, 0xb3)};
    public byte[] reportData = filled(64, 0x5d);
    /** TD report 1.5 only. */
    public byte[] teeTcbSvn2 = new byte[16];
    /** TD report 1.5 only; zero: no service TD bound. */
    public byte[] mrServiceTd = new byte[48];
    public byte[] qeVendorId = hexBytes("939a7233f79c4ca9940a0db3957f0607");
    public int qeIsvSvn = 4;
    public byte[] qeAuthData = filled(32, 0x42);
    public int padding = 0;
    public List<X509Certificate> chain;
    private final TestPki pki;
    private final KeyPair attestationKey = TestPki.keyPair();

    /** Offsets in the last {@link #build()} output. */
    public int signedEnd;
    public int qeReportStart;
    public int qeReportSignatureStart;
    public int certChainStart;
    public int quoteEnd;

    public SyntheticQuote(TestPki pki) {
        this.pki = pki;
        this.chain = List.of(pki.pck, pki.pckCa, pki.root);
    }

    public static byte[] svn(int... first) {
        byte[] b = new byte[16];
        for (int i = 0; i < first.length; i++) {
            b[i] = (byte) first[i];
        }
        return b;
    }

    public static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    public byte[] build() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer h = le(48);
            h.putShort((short) version).putShort((short) 2).putInt(0x81).putShort((short) 0).putShort((short) 0);
            h.put(qeVendorId).put(new byte[20]);
            out.write(h.array());
            byte[] body = body();
            if (version == 5) {
                out.write(le(6).putShort((short) (tdx15 ? 3 : 2)).putInt(body.length).array());
            }
            out.write(body);
            byte[] signed = out.toByteArray();
            signedEnd = signed.length;

            byte[] attKey = P256.raw((ECPublicKey) attestationKey.getPublic());
            byte[] qeReport = qeReport(sha256(attKey, qeAuthData));
            byte[] pem = PemCertificates.encode(chain).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream cert = new ByteArrayOutputStream();
            cert.write(qeReport);
            cert.write(sign(pki.pckKey.getPrivate(), qeReport));
            cert.write(le(2).putShort((short) qeAuthData.length).array());
            cert.write(qeAuthData);
            cert.write(le(6).putShort((short) 5).putInt(pem.length).array());
            cert.write(pem);
            byte[] certData = cert.toByteArray();

            ByteArrayOutputStream sig = new ByteArrayOutputStream();
            sig.write(sign(attestationKey.getPrivate(), signed));
            sig.write(attKey);
            sig.write(le(6).putShort((short) 6).putInt(certData.length).array());
            sig.write(certData);
            byte[] sigData = sig.toByteArray();

            out.write(le(4).putInt(sigData.length).array());
            int sigStart = out.size();
            out.write(sigData);
            qeReportStart = sigStart + 128 + 6;
            qeReportSignatureStart = qeReportStart + 384;
            certChainStart = qeReportSignatureStart + 64 + 2 + qeAuthData.length + 6;
            quoteEnd = out.size();
            out.write(new byte[padding]);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] body() {
        ByteBuffer b = le(tdx15 ? 648 : 584);
        b.put(teeTcbSvn).put(filled(48, 0x5e)).put(new byte[48]).put(seamAttributes).put(tdAttributes)
            .put(filled(8, 0xe7)).put(mrTd).put(mrConfigId).put(mrOwner).put(mrOwnerConfig);
        for (byte[] r : rtmrs) {
            b.put(r);
        }
        b.put(reportData);
        if (tdx15) {
            b.put(teeTcbSvn2).put(mrServiceTd);
        }
        return b.array();
    }

    private byte[] qeReport(byte[] bindingHash) {
        ByteBuffer r = le(384);
        r.put(new byte[16]).putInt(0).put(new byte[28]);
        byte[] attributes = new byte[16];
        attributes[0] = 0x11;
        r.put(attributes).put(filled(32, 0x3e)).put(new byte[32]).put(QE_MRSIGNER).put(new byte[96]);
        r.putShort((short) QE_ISVPRODID).putShort((short) qeIsvSvn).put(new byte[60]);
        r.put(bindingHash).put(new byte[32]);
        return r.array();
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    private static byte[] sha256(byte[] a, byte[] b) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(a);
        md.update(b);
        return md.digest();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] hexBytes(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}

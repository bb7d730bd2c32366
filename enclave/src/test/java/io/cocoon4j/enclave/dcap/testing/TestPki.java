package io.cocoon4j.enclave.dcap.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test stand-in for Intel's PKI: a root CA, a PCK CA under it, a PCK leaf carrying an SGX
 * extension, a TCB signing certificate, and both CRLs. Certificates are valid 2020-2040, CRLs
 * for January 2025 ({@link #CRL_THIS_UPDATE} to {@link #CRL_NEXT_UPDATE}).
 */
public final class TestPki {
    public static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant NOT_AFTER = Instant.parse("2040-01-01T00:00:00Z");
    public static final Instant CRL_THIS_UPDATE = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant CRL_NEXT_UPDATE = Instant.parse("2025-02-01T00:00:00Z");
    public static final String FMSPC = "00a06f000000";
    private static final String SGX = "1.2.840.113741.1.13.1";
    /** Intel's TCB Signing subject, which the test root's collateral signer also carries. */
    public static final String TCB_SIGNING_SUBJECT = "C=US,ST=CA,L=Santa Clara,O=Intel Corporation,CN=Intel SGX TCB Signing";

    public final KeyPair rootKey = keyPair();
    public final KeyPair pckCaKey = keyPair();
    public final KeyPair pckKey = keyPair();
    public final KeyPair tcbSigningKey = keyPair();
    public final X509Certificate root;
    public final X509Certificate pckCa;
    public final X509Certificate pck;
    public final X509Certificate tcbSigning;
    private long serial = 1;

    /** A PKI whose PCK certificate reports these SGX component SVNs and PCE SVN. */
    public TestPki(int[] sgxComponents, int pceSvn) {
        try {
            root = cert("CN=Test SGX Root CA", "CN=Test SGX Root CA", rootKey.getPublic(), rootKey.getPrivate(), true, null);
            pckCa = cert("CN=Test SGX PCK Platform CA", "CN=Test SGX Root CA", pckCaKey.getPublic(), rootKey.getPrivate(), true, null);
            pck = cert("CN=Test SGX PCK Certificate", "CN=Test SGX PCK Platform CA", pckKey.getPublic(), pckCaKey.getPrivate(),
                false, sgxExtension(sgxComponents, pceSvn));
            // The collateral signer carries Intel's exact subject: the verifier pins it by name and role.
            tcbSigning = cert(TCB_SIGNING_SUBJECT, "CN=Test SGX Root CA", tcbSigningKey.getPublic(), rootKey.getPrivate(), false, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public TestPki() {
        this(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, 10);
    }

    public static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate with arbitrary names and keys, for tests that swap chains around. */
    public X509Certificate cert(String subject, String issuer, java.security.PublicKey key, PrivateKey signer,
                                boolean ca, byte[] sgxExtension) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name(issuer), BigInteger.valueOf(serial++),
            Date.from(NOT_BEFORE), Date.from(NOT_AFTER), name(subject), key);
        b.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(1) : new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
            : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (sgxExtension != null) {
            b.addExtension(new ASN1ObjectIdentifier(SGX), false, sgxExtension);
        }
        return new JcaX509CertificateConverter().getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    /** The name in RFC 2253 order, as the JDK reads it (BouncyCastle's string parser would reverse the RDNs). */
    private static X500Name name(String dn) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
    }

    /** A CRL by {@code issuer}, current from {@code thisUpdate} to {@code nextUpdate}, revoking {@code revoked}. */
    public static X509CRL crl(X509Certificate issuer, PrivateKey key, Instant thisUpdate, Instant nextUpdate,
                              X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(new X500Name(issuer.getSubjectX500Principal().getName()),
                Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate r : revoked) {
                b.addCRLEntry(r.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            X509CRLHolder h = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
            return new JcaX509CRLConverter().getCRL(h);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509CRL rootCrl(X509Certificate... revoked) {
        return crl(root, rootKey.getPrivate(), CRL_THIS_UPDATE, CRL_NEXT_UPDATE, revoked);
    }

    public X509CRL pckCrl(X509Certificate... revoked) {
        return crl(pckCa, pckCaKey.getPrivate(), CRL_THIS_UPDATE, CRL_NEXT_UPDATE, revoked);
    }

    /** The SGX PCK extension this PKI's PCK certificate carries, for certificates made to look like one. */
    public static byte[] sgxExtension() throws Exception {
        return sgxExtension(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, 10);
    }

    private static byte[] sgxExtension(int[] comps, int pceSvn) throws Exception {
        ASN1EncodableVector tcb = new ASN1EncodableVector();
        for (int i = 0; i < 16; i++) {
            tcb.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1ObjectIdentifier(SGX + ".2." + (i + 1)), new ASN1Integer(comps[i])}));
        }
        tcb.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier(SGX + ".2.17"), new ASN1Integer(pceSvn)}));
        tcb.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier(SGX + ".2.18"), new DEROctetString(new byte[16])}));
        ASN1EncodableVector all = new ASN1EncodableVector();
        all.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier(SGX + ".1"), new DEROctetString(new byte[16])}));
        all.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier(SGX + ".2"), new DERSequence(tcb)}));
        all.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier(SGX + ".3"), new DEROctetString(new byte[2])}));
        all.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1ObjectIdentifier(SGX + ".4"), new DEROctetString(HexFormat.of().parseHex(FMSPC))}));
        return new DERSequence(all).getEncoded();
    }
}

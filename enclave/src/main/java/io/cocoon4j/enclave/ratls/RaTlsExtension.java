package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.AttestationException;
import io.cocoon4j.enclave.Evidence;
import io.cocoon4j.enclave.EvidenceCodec;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.RejectionReason;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The X.509 extension that carries enclave evidence in an RA-TLS certificate.
 *
 * <p>OID {@value #OID}: a UUID-derived OID (ITU-T X.667, arc {@code 2.25}) for UUID
 * {@code 61ffad61-47c2-47c8-be04-f22989e472e9}, so no registration is needed. Marked critical, so
 * a TLS stack that does not understand RA-TLS refuses the certificate instead of ignoring it.
 * The extension value is DER:
 *
 * <pre>
 * CocoonRaTlsEvidence ::= SEQUENCE {
 *   version   INTEGER (1),
 *   operator  OCTET STRING (SIZE (36)),  -- OperatorAddress.encode(): workchain int32 BE ‖ hash
 *   evidence  OCTET STRING               -- EvidenceCodec.encode(evidence)
 * }
 * </pre>
 *
 * The evidence's REPORTDATA must equal {@code ReportData.bind(certificate key, operator,
 * RaTlsCertificate.freshnessNonce(notBefore, notAfter))}.
 */
public final class RaTlsExtension {

    /** The extension's object identifier. */
    public static final String OID = "2.25.130262667854264722636950822312787342057";
    /** The extension's object identifier, as BouncyCastle wants it. */
    public static final ASN1ObjectIdentifier ASN1_OID = new ASN1ObjectIdentifier(OID);
    /** The current version of the extension value. */
    public static final int VERSION = 1;

    private RaTlsExtension() {
    }

    /** What the extension says: who operates the enclave, and the evidence. */
    public record Claims(OperatorAddress operator, Evidence evidence) {
    }

    /** DER encoding of the extension value. */
    public static byte[] encode(OperatorAddress operator, Evidence evidence) {
        try {
            return new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(VERSION),
                new DEROctetString(operator.encode()),
                new DEROctetString(EvidenceCodec.encode(evidence))}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    /**
     * Decodes an extension value.
     *
     * @throws AttestationException {@link RejectionReason#MALFORMED_EVIDENCE},
     *     {@link RejectionReason#UNSUPPORTED_VERSION} or whatever {@link EvidenceCodec#decode} reports
     */
    public static Claims decode(byte[] value) throws AttestationException {
        if (value == null || value.length > EvidenceCodec.MAX_ENCODED_LENGTH + 128) {
            throw malformed("extension missing or too long");
        }
        ASN1Sequence seq;
        BigInteger version;
        byte[] operator;
        byte[] evidence;
        try {
            // fromByteArray bounds every length by the array itself, so nothing is over-allocated.
            ASN1Primitive p = ASN1Primitive.fromByteArray(value);
            seq = ASN1Sequence.getInstance(p);
            if (seq.size() != 3) {
                throw malformed("expected 3 fields, found " + seq.size());
            }
            version = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            operator = ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets();
            evidence = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
        } catch (IOException | RuntimeException e) {
            throw malformed("not DER: " + e.getMessage());
        }
        if (!BigInteger.valueOf(VERSION).equals(version)) {
            throw new AttestationException(RejectionReason.UNSUPPORTED_VERSION, "RA-TLS extension version " + version);
        }
        if (operator.length != OperatorAddress.ENCODED_LENGTH) {
            throw malformed("operator address of " + operator.length + " bytes");
        }
        return new Claims(OperatorAddress.decode(operator), EvidenceCodec.decode(evidence));
    }

    private static AttestationException malformed(String detail) {
        return new AttestationException(RejectionReason.MALFORMED_EVIDENCE, "RA-TLS extension: " + detail);
    }
}

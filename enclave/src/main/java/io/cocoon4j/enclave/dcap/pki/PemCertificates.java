package io.cocoon4j.enclave.dcap.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads X.509 certificates from concatenated PEM blocks, as DCAP carries its chains. */
public final class PemCertificates {
    /** No DCAP chain is longer than three; a few more are tolerated, hundreds are not. */
    public static final int MAX_CERTIFICATES = 8;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    /** Parsed chains by SHA-256 of their PEM: a platform presents the same chain in every quote. */
    private static final java.util.Map<String, List<X509Certificate>> PARSED = java.util.Collections.synchronizedMap(
        new java.util.LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, List<X509Certificate>> eldest) {
                return size() > 256;
            }
        });

    private PemCertificates() {}

    /**
     * Parses every certificate in {@code pem}, in order.
     *
     * @throws CertificateException if there is none, too many, or one does not decode
     */
    public static List<X509Certificate> parse(byte[] pem) throws CertificateException {
        String key;
        try {
            key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pem));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<X509Certificate> known = PARSED.get(key);
        if (known != null) {
            return known;
        }
        List<X509Certificate> parsed = parseUncached(pem);
        PARSED.put(key, parsed);
        return parsed;
    }

    private static List<X509Certificate> parseUncached(byte[] pem) throws CertificateException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int from = 0;
        while (true) {
            int b = text.indexOf(BEGIN, from);
            if (b < 0) {
                break;
            }
            int e = text.indexOf(END, b);
            if (e < 0) {
                throw new CertificateException("PEM block without an END line");
            }
            if (out.size() == MAX_CERTIFICATES) {
                throw new CertificateException("more than " + MAX_CERTIFICATES + " certificates in a chain");
            }
            String body = text.substring(b + BEGIN.length(), e).replaceAll("\\s", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException ex) {
                throw new CertificateException("PEM block is not base64: " + ex.getMessage());
            }
            try {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            } catch (RuntimeException ex) {
                // the JDK's DER parser has thrown unchecked exceptions on crafted input before
                throw new CertificateException("certificate " + (out.size() + 1) + " does not decode: " + ex);
            }
            from = e + END.length();
        }
        if (out.isEmpty()) {
            throw new CertificateException("no PEM certificate found");
        }
        return List.copyOf(out);
    }

    /** PEM text for {@code certs}, leaf first, as a PCS issuer-chain header carries it (before URL encoding). */
    public static String encode(List<X509Certificate> certs) throws CertificateException {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(BEGIN).append('\n')
                .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                .append('\n').append(END).append('\n');
        }
        return sb.toString();
    }
}

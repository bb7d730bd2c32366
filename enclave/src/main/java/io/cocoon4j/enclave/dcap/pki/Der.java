package io.cocoon4j.enclave.dcap.pki;

import java.math.BigInteger;
import java.util.Arrays;

/** Just enough DER to read Intel's SGX certificate extension; every length is bounds-checked. */
final class Der {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int ENUMERATED = 0x0a;

    private Der() {}

    static final class DerException extends Exception {
        private static final long serialVersionUID = 1L;

        DerException(String message) {
            super(message);
        }
    }

    /** One TLV: its tag and content bytes. */
    record Element(int tag, byte[] content) {
        Reader reader() {
            return new Reader(content);
        }
    }

    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        boolean hasMore() {
            return pos < data.length;
        }

        Element next() throws DerException {
            if (data.length - pos < 2) {
                throw new DerException("truncated element");
            }
            int tag = data[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new DerException("multi-byte tags are not used here");
            }
            int first = data[pos++] & 0xff;
            long len;
            if (first < 0x80) {
                len = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 4 || data.length - pos < n) {
                    throw new DerException("bad length encoding");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = len << 8 | (data[pos++] & 0xff);
                }
            }
            if (len > data.length - pos) {
                throw new DerException("element length " + len + " runs past its container");
            }
            byte[] content = Arrays.copyOfRange(data, pos, pos + (int) len);
            pos += (int) len;
            return new Element(tag, content);
        }

        Element expect(int tag) throws DerException {
            Element e = next();
            if (e.tag() != tag) {
                throw new DerException(String.format("expected tag 0x%02x, found 0x%02x", tag, e.tag()));
            }
            return e;
        }

        Reader sequence() throws DerException {
            return expect(SEQUENCE).reader();
        }

        BigInteger integer() throws DerException {
            byte[] c = expect(INTEGER).content();
            if (c.length == 0 || c.length > 33) {
                throw new DerException("integer of " + c.length + " bytes");
            }
            return new BigInteger(c);
        }
    }

    /** Dotted form of an OID's content bytes. */
    static String oid(byte[] content) throws DerException {
        if (content.length == 0) {
            throw new DerException("empty OID");
        }
        StringBuilder sb = new StringBuilder();
        int first = content[0] & 0xff;
        sb.append(Math.min(first / 40, 2)).append('.').append(first - 40 * Math.min(first / 40, 2));
        long v = 0;
        for (int i = 1; i < content.length; i++) {
            v = v << 7 | (content[i] & 0x7f);
            if (v > Integer.MAX_VALUE) {
                throw new DerException("OID arc too large");
            }
            if ((content[i] & 0x80) == 0) {
                sb.append('.').append(v);
                v = 0;
            }
        }
        return sb.toString();
    }
}

package io.cocoon4j.runner.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A message signed for the chain and not yet known to have landed: on TON an external message to
 * the operator's wallet, whose {@code seqno} the wallet accepts once and whose {@code validUntil}
 * bounds when it can land at all. The journal stores these bytes before they are sent and a
 * restart sends the same bytes again, never a re-signed copy; the wallet's seqno check makes the
 * repeat harmless, and only after {@code validUntil} has passed without the message landing may a
 * new one be signed for the same action.
 *
 * @param bytes the serialized message exactly as it goes on the wire
 * @param seqno the wallet sequence number it was signed with
 * @param validUntil the time after which the chain refuses it
 */
public record SignedMessage(byte[] bytes, long seqno, Instant validUntil) {
    public SignedMessage {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a signed message has at least one byte");
        }
        if (seqno < 0) {
            throw new IllegalArgumentException("a seqno is not negative, got " + seqno);
        }
        Objects.requireNonNull(validUntil, "validUntil");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** SHA-256 of {@link #bytes}, in hex: how logs and lookups name the message. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedMessage m && Arrays.equals(bytes, m.bytes) && seqno == m.seqno
            && validUntil.equals(m.validUntil);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SignedMessage[seqno=" + seqno + ", validUntil=" + validUntil + ", sha256=" + sha256() + "]";
    }
}

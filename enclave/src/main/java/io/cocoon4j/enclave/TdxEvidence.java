package io.cocoon4j.enclave;

import java.util.Arrays;

/**
 * An Intel TDX DCAP quote as returned by configfs-tsm ({@code outblob}). Nothing in it is trusted
 * until an {@link EvidenceVerifier} has checked the signature chain to Intel's root.
 *
 * @param quote the raw quote bytes, at most {@link EvidenceCodec#MAX_QUOTE_LENGTH}
 */
public record TdxEvidence(byte[] quote) implements Evidence {

    public TdxEvidence {
        if (quote == null || quote.length == 0 || quote.length > EvidenceCodec.MAX_QUOTE_LENGTH) {
            throw new IllegalArgumentException("a TDX quote is 1.." + EvidenceCodec.MAX_QUOTE_LENGTH + " bytes");
        }
        quote = quote.clone();
    }

    @Override
    public byte[] quote() {
        return quote.clone();
    }

    @Override
    public TeeType teeType() {
        return TeeType.TDX;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TdxEvidence other && Arrays.equals(quote, other.quote);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(quote);
    }

    @Override
    public String toString() {
        return "TdxEvidence[" + quote.length + " bytes]";
    }
}

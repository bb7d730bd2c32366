package io.cocoon4j.tlb.runtime;

import java.math.BigInteger;
import java.util.Optional;
import org.ton.ton4j.address.Address;

/**
 * A TL-B {@code MsgAddress} kept exactly as serialised, so that decoding and re-encoding is
 * bit-exact for every form: {@code addr_none}, {@code addr_extern}, {@code addr_std} (with or
 * without anycast) and {@code addr_var}. Convert with {@link #of(Address)} and {@link #toAddress()}.
 */
public final class MsgAddress {
    /** The kinds of TL-B address, by their 2-bit tag. */
    public enum Kind { NONE, EXTERN, STD, VAR }

    private static final MsgAddress NONE = new MsgAddress(Bits.ofBinary("00"));

    private final Bits bits;

    private MsgAddress(Bits bits) {
        this.bits = bits;
    }

    /** {@code addr_none$00}: no address (e.g. "send the excess nowhere"). */
    public static MsgAddress none() {
        return NONE;
    }

    /** {@code addr_std$10} without anycast for a ton4j address. */
    public static MsgAddress of(Address address) {
        StringBuilder sb = new StringBuilder("100");
        String wc = Integer.toBinaryString(address.wc & 0xff);
        sb.append("0".repeat(8 - wc.length())).append(wc);
        sb.append(Bits.of(address.hashPart).toBinary());
        return new MsgAddress(Bits.ofBinary(sb.toString()));
    }

    /** From its serialised bits; the caller ({@link TlbReader}) has checked the layout. */
    static MsgAddress ofSerialized(Bits bits) {
        return new MsgAddress(bits);
    }

    public Kind kind() {
        return Kind.values()[(bits.get(0) ? 2 : 0) + (bits.get(1) ? 1 : 0)];
    }

    /** The serialised form, tag included. */
    public Bits bits() {
        return bits;
    }

    /** The ton4j address of an {@code addr_std} without anycast; empty for every other form. */
    public Optional<Address> toAddress() {
        if (kind() != Kind.STD || bits.get(2) || bits.length() != 267) {
            return Optional.empty();
        }
        String b = bits.toBinary();
        int wc = (byte) Integer.parseInt(b.substring(3, 11), 2);
        String hash = String.format("%064x", new BigInteger(b.substring(11), 2));
        return Optional.of(Address.of(wc + ":" + hash));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgAddress a && a.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    /** {@code addr_none}, the raw form {@code 0:ab12...} of a plain standard address, else the kind and bits. */
    @Override
    public String toString() {
        if (kind() == Kind.NONE) {
            return "addr_none";
        }
        return toAddress().map(a -> a.toRaw()).orElse("addr_" + kind().name().toLowerCase() + bits);
    }
}

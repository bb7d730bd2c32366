package io.cocoon4j.enclave;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.ton.ton4j.address.Address;

/**
 * The TON wallet address of the operator that runs an enclave, in the form bound into REPORTDATA.
 *
 * <p>Encoding (36 bytes, {@link #encode()}): the workchain as a 4-byte signed big-endian integer,
 * then the 32-byte account hash. This is the raw {@code workchain:hash} form, so bounceable and
 * non-bounceable, testnet and mainnet spellings of one account bind identically.
 *
 * @param workchain the workchain id (0 for basechain, -1 for masterchain)
 * @param hash the 32-byte account id
 */
public record OperatorAddress(int workchain, byte[] hash) {

    /** Length of {@link #encode()}. */
    public static final int ENCODED_LENGTH = 36;

    public OperatorAddress {
        if (hash == null || hash.length != 32) {
            throw new IllegalArgumentException("an account hash is 32 bytes");
        }
        hash = hash.clone();
    }

    /** Converts a ton4j address. */
    public static OperatorAddress of(Address address) {
        return new OperatorAddress(address.wc, address.hashPart);
    }

    /**
     * Parses any spelling ton4j accepts: raw {@code 0:hex} or user-friendly base64.
     *
     * @throws IllegalArgumentException if the text is not a TON address
     */
    public static OperatorAddress parse(String text) {
        // ton4j signals a malformed address with java.lang.Error; isValid turns that into a boolean.
        if (text == null || text.length() > 100 || !Address.isValid(text) || !rawHashIsHex(text)) {
            throw new IllegalArgumentException("not a TON address: " + text);
        }
        return of(Address.of(text));
    }

    /** ton4j's raw-form parser accepts non-hex digits (it reads "zz" as 0xef); insist on 64 hex digits. */
    private static boolean rawHashIsHex(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String hash = text.substring(colon + 1);
        return hash.length() == 64 && hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    /**
     * Decodes the 36-byte form.
     *
     * @throws IllegalArgumentException if the input is not exactly 36 bytes
     */
    public static OperatorAddress decode(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_LENGTH) {
            throw new IllegalArgumentException("an encoded operator address is 36 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(encoded);
        int wc = b.getInt();
        byte[] h = new byte[32];
        b.get(h);
        return new OperatorAddress(wc, h);
    }

    /** The 36-byte encoding described above. */
    public byte[] encode() {
        return ByteBuffer.allocate(ENCODED_LENGTH).putInt(workchain).put(hash).array();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The raw form {@code workchain:hex}. */
    @Override
    public String toString() {
        return workchain + ":" + HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperatorAddress other && other.workchain == workchain && Arrays.equals(other.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * workchain + Arrays.hashCode(hash);
    }
}

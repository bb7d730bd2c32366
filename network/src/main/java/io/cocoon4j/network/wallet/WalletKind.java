package io.cocoon4j.network.wallet;

import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.Hash32;
import java.util.Arrays;
import java.util.Optional;
import org.ton.ton4j.cell.Cell;

/** The standard wallet contracts cocoon signs for: v5r1 (the current standard, the default) and v4r2. */
public enum WalletKind {
    V5R1("v5r1", "wallet v5 r1"),
    V4R2("v4r2", "wallet v4 r2");

    private final String id;
    private final String toncenterName;

    WalletKind(String id, String toncenterName) {
        this.id = id;
        this.toncenterName = toncenterName;
    }

    /** The short name used on the command line and in key files: {@code v5r1}, {@code v4r2}. */
    public String id() {
        return id;
    }

    /** How toncenter's {@code getWalletInformation} names it. */
    public String toncenterName() {
        return toncenterName;
    }

    /** The contract's code cell. */
    public Cell code() {
        return this == V5R1 ? WalletV5.code() : WalletV4.code();
    }

    /** The kind whose code has this hash. */
    public static Optional<WalletKind> ofCodeHash(Hash32 codeHash) {
        return Arrays.stream(values()).filter(k -> Hash32.of(k.code().getHash()).equals(codeHash)).findFirst();
    }

    /** Parses {@code v5r1} or {@code v4r2}. */
    public static WalletKind parse(String s) {
        return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown wallet version '" + s + "'; use v5r1 or v4r2"));
    }
}

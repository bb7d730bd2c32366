package io.cocoon4j.chain.emulator;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The block context of one emulated transaction, as the sandbox's {@code runTransaction} takes it.
 *
 * @param utime          the block's unix time in seconds (the contract's {@code now()})
 * @param lt             the logical time the transaction starts at (unsigned 64-bit)
 * @param randomSeedHex  the block's random seed, 64 hex digits (32 bytes), or {@code null} to let the
 *                       emulator draw one (then results are not reproducible)
 * @param ignoreChksig   make signature checks ({@code CHKSIGNU}/{@code CHKSIGNS}) always succeed
 * @param debugEnabled   let {@code DUMP}/{@code STRDUMP} write {@code #DEBUG#} lines to the debug log
 * @param libsBoc        base64 BoC of a {@code HashmapE 256 ^Cell} of public libraries, or {@code null}
 * @param prevBlocksInfoBoc base64 BoC of the previous-blocks tuple (c7 parameter 13), or {@code null}
 */
public record TransactionParams(long utime, long lt, String randomSeedHex, boolean ignoreChksig,
                                boolean debugEnabled, String libsBoc, String prevBlocksInfoBoc) {

    public TransactionParams {
        if (utime < 0 || utime > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("utime must be an unsigned 32-bit unix time, got " + utime);
        }
        if (randomSeedHex != null) {
            requireSeedHex(randomSeedHex);
        }
    }

    /** Checks a block random seed: 64 hex digits (32 bytes). */
    static void requireSeedHex(String seedHex) {
        if (seedHex.length() != 64 || !seedHex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("the random seed must be 64 hex digits (32 bytes), got '" + seedHex + "'");
        }
    }

    /** A deterministic context: the given time and logical time, an all-zero random seed, real signature checks. */
    public static TransactionParams of(long utime, long lt) {
        return new TransactionParams(utime, lt, "0".repeat(64), false, false, null, null);
    }

    public TransactionParams withRandomSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != 32) {
            throw new IllegalArgumentException("the random seed is 32 bytes, got " + seed.length);
        }
        return new TransactionParams(utime, lt, HexFormat.of().formatHex(seed), ignoreChksig, debugEnabled, libsBoc,
                prevBlocksInfoBoc);
    }

    public TransactionParams withIgnoreChksig(boolean ignore) {
        return new TransactionParams(utime, lt, randomSeedHex, ignore, debugEnabled, libsBoc, prevBlocksInfoBoc);
    }

    public TransactionParams withDebug(boolean enabled) {
        return new TransactionParams(utime, lt, randomSeedHex, ignoreChksig, enabled, libsBoc, prevBlocksInfoBoc);
    }

    public TransactionParams withLibs(String libs) {
        return new TransactionParams(utime, lt, randomSeedHex, ignoreChksig, debugEnabled, libs, prevBlocksInfoBoc);
    }

    public TransactionParams withPrevBlocksInfo(String prevBlocksInfo) {
        return new TransactionParams(utime, lt, randomSeedHex, ignoreChksig, debugEnabled, libsBoc, prevBlocksInfo);
    }
}

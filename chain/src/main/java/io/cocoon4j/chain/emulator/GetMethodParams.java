package io.cocoon4j.chain.emulator;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One get-method call, as the sandbox's {@code runGetMethod} takes it. BoCs are base64 strings.
 *
 * @param codeBoc       the contract's code cell
 * @param dataBoc       the contract's data cell
 * @param address       the contract's address, raw ({@code 0:…}) or user-friendly
 * @param balance       the balance in nanotons the contract sees
 * @param methodId      the method id (see {@link #methodId(String)})
 * @param unixTime      the contract's {@code now()}
 * @param randomSeedHex 64 hex digits (32 bytes)
 * @param gasLimit      the gas limit (the sandbox uses 10 000 000)
 * @param configBoc     the blockchain config for c7, or {@code null} for the emulator's get-method config
 * @param libsBoc       public libraries ({@code HashmapE 256 ^Cell}), or {@code null}
 * @param verbosity     VM log verbosity
 * @param debugEnabled  collect {@code #DEBUG#} lines
 */
public record GetMethodParams(String codeBoc, String dataBoc, String address, BigInteger balance, int methodId,
                              long unixTime, String randomSeedHex, long gasLimit, String configBoc, String libsBoc,
                              Verbosity verbosity, boolean debugEnabled) {

    /** The sandbox's default get-method gas limit. */
    public static final long DEFAULT_GAS_LIMIT = 10_000_000L;

    public GetMethodParams {
        Objects.requireNonNull(codeBoc, "codeBoc");
        Objects.requireNonNull(dataBoc, "dataBoc");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(randomSeedHex, "randomSeedHex");
        Objects.requireNonNull(verbosity, "verbosity");
        if (balance.signum() < 0) {
            throw new IllegalArgumentException("balance must not be negative");
        }
        TransactionParams.requireSeedHex(randomSeedHex);
        if (gasLimit <= 0) {
            throw new IllegalArgumentException("gasLimit must be positive");
        }
    }

    /** A call with zero balance, a zero seed, the default gas limit and the emulator's config. */
    public static GetMethodParams of(String codeBoc, String dataBoc, String address, int methodId, long unixTime) {
        return new GetMethodParams(codeBoc, dataBoc, address, BigInteger.ZERO, methodId, unixTime, "0".repeat(64),
                DEFAULT_GAS_LIMIT, null, null, Verbosity.SHORT, false);
    }

    /** Same call, by method name. */
    public static GetMethodParams of(String codeBoc, String dataBoc, String address, String method, long unixTime) {
        return of(codeBoc, dataBoc, address, methodId(method), unixTime);
    }

    public GetMethodParams withBalance(BigInteger nanotons) {
        return new GetMethodParams(codeBoc, dataBoc, address, nanotons, methodId, unixTime, randomSeedHex, gasLimit,
                configBoc, libsBoc, verbosity, debugEnabled);
    }

    public GetMethodParams withGasLimit(long gas) {
        return new GetMethodParams(codeBoc, dataBoc, address, balance, methodId, unixTime, randomSeedHex, gas,
                configBoc, libsBoc, verbosity, debugEnabled);
    }

    public GetMethodParams withConfig(String config) {
        return new GetMethodParams(codeBoc, dataBoc, address, balance, methodId, unixTime, randomSeedHex, gasLimit,
                config, libsBoc, verbosity, debugEnabled);
    }

    public GetMethodParams withLibs(String libs) {
        return new GetMethodParams(codeBoc, dataBoc, address, balance, methodId, unixTime, randomSeedHex, gasLimit,
                configBoc, libs, verbosity, debugEnabled);
    }

    public GetMethodParams withVerbosity(Verbosity level, boolean debug) {
        return new GetMethodParams(codeBoc, dataBoc, address, balance, methodId, unixTime, randomSeedHex, gasLimit,
                configBoc, libsBoc, level, debug);
    }

    /**
     * The id FunC gives a named method: CRC-16/XMODEM of the name, with bit 16 set
     * ({@code main} is 0 and {@code recv_internal} 0 too, but those are not get-methods).
     */
    public static int methodId(String name) {
        int crc = 0;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return (crc & 0xFFFF) | 0x10000;
    }
}

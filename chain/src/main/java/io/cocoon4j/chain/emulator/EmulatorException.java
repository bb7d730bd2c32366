package io.cocoon4j.chain.emulator;

import java.util.OptionalInt;

/**
 * The emulator could not carry out a call: malformed input (a BoC that does not parse, an account
 * that is not a ShardAccount), a trap or abort inside the WASM, or an emulator that was closed.
 * A contract that fails (throws, runs out of gas, rejects an external message) is NOT an exception:
 * that is a normal {@link TransactionResult.Failure} or a non-zero {@link GetMethodResult#exitCode()}.
 *
 * <p>The emulator stays usable after this exception; the next call starts from a clean state.
 */
public final class EmulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Integer exitCode;

    public EmulatorException(String message) {
        this(message, null, null);
    }

    public EmulatorException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public EmulatorException(String message, Integer exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The TVM exit code, when the emulator reported one. */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }
}

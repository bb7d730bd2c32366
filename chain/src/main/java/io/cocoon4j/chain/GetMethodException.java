package io.cocoon4j.chain;

/** A get-method exited with a code other than 0 or 1 (a {@code throw}, out of gas, a missing method: 11). */
public final class GetMethodException extends ChainException {
    private final int exitCode;
    private final long gasUsed;

    public GetMethodException(String method, int exitCode, long gasUsed) {
        super("get-method " + method + " failed with exit code " + exitCode + " after " + gasUsed + " gas");
        this.exitCode = exitCode;
        this.gasUsed = gasUsed;
    }

    public int exitCode() {
        return exitCode;
    }

    public long gasUsed() {
        return gasUsed;
    }
}

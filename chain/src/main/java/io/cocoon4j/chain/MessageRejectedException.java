package io.cocoon4j.chain;

/**
 * The destination did not accept an external message: its code threw before {@code accept_message}
 * (bad signature, wrong seqno, expired), or it has no code and no StateInit came with it. No
 * transaction happened and nothing changed. {@link #exitCode()} is the VM's exit code, or -1 when the
 * VM did not run.
 */
public final class MessageRejectedException extends ChainException {
    private final int exitCode;

    public MessageRejectedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

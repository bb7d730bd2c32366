package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.runner.engine.StopReason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a runner keeps of a job for its challenge window: the input and the output tokens. Kept
 * sealed by the enclave in the journal and shown only to attested verifiers.
 *
 * @param input the prompt tokens and salt
 * @param output the output token ids
 * @param stop why generation stopped
 */
public record Transcript(JobInput input, int[] output, StopReason stop) {
    public Transcript {
        Objects.requireNonNull(input, "input");
        output = Objects.requireNonNull(output, "output").clone();
        Objects.requireNonNull(stop, "stop");
    }

    @Override
    public int[] output() {
        return output.clone();
    }

    /** {@code salt[32] || u32 n || u32 token × n} (big-endian). */
    static byte[] encodeInput(JobInput input) {
        int[] prompt = input.promptTokens();
        ByteBuffer b = ByteBuffer.allocate(32 + 4 + 4 * prompt.length);
        b.put(input.salt().bytes()).putInt(prompt.length);
        for (int t : prompt) {
            b.putInt(t);
        }
        return b.array();
    }

    /** Inverse of {@link #encodeInput}; refuses anything else. */
    static JobInput decodeInput(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 36) {
            throw new IllegalArgumentException("a journaled input has at least 36 bytes, got " + bytes.length);
        }
        byte[] salt = new byte[32];
        b.get(salt);
        return new JobInput(Hash32.of(salt), tokens(b));
    }

    /** {@code u8 stop ordinal || u32 n || u32 token × n}. */
    static byte[] encodeOutput(int[] output, StopReason stop) {
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 * output.length);
        b.put((byte) stop.ordinal()).putInt(output.length);
        for (int t : output) {
            b.putInt(t);
        }
        return b.array();
    }

    /** The stop reason of an {@link #encodeOutput} blob. */
    static StopReason decodeStop(byte[] bytes) {
        int ordinal = bytes.length > 0 ? bytes[0] : -1;
        if (ordinal < 0 || ordinal >= StopReason.values().length) {
            throw new IllegalArgumentException("not a journaled output: stop " + ordinal);
        }
        return StopReason.values()[ordinal];
    }

    /** The tokens of an {@link #encodeOutput} blob. */
    static int[] decodeOutputTokens(byte[] bytes) {
        decodeStop(bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        return tokens(b);
    }

    private static int[] tokens(ByteBuffer b) {
        if (b.remaining() < 4) {
            throw new IllegalArgumentException("truncated token list");
        }
        int n = b.getInt();
        if (n < 0 || (long) n * 4 != b.remaining()) {
            throw new IllegalArgumentException("a token list of " + n + " tokens with " + b.remaining() + " bytes left");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getInt();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transcript t && input.equals(t.input) && Arrays.equals(output, t.output) && stop == t.stop;
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "Transcript[" + input + ", output=" + output.length + " tokens, " + stop + "]";
    }
}

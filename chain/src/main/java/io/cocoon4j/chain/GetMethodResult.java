package io.cocoon4j.chain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a get-method returned.
 *
 * @param exitCode the VM exit code (0 or 1; other codes raise {@link GetMethodException})
 * @param gasUsed gas the method consumed
 * @param stack the result stack, bottom first (so a FunC method returning {@code (a, b)} gives {@code [a, b]})
 */
public record GetMethodResult(int exitCode, long gasUsed, List<TvmValue> stack) {

    public GetMethodResult {
        stack = List.copyOf(stack);
    }

    /** The {@code i}-th result, bottom first. */
    public TvmValue get(int i) {
        if (i < 0 || i >= stack.size()) {
            throw new IllegalStateException("get-method returned " + stack.size() + " values; no value at index " + i);
        }
        return stack.get(i);
    }

    /**
     * The method id FunC assigns to a get-method name: {@code (crc16_xmodem(name) & 0xffff) | 0x10000}.
     * The names {@code main}, {@code recv_internal} and {@code recv_external} have fixed ids.
     */
    public static long methodId(String name) {
        switch (name) {
            case "main", "recv_internal":
                return 0;
            case "recv_external":
                return -1;
            default:
                break;
        }
        int crc = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xff) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return (crc & 0xffff) | 0x10000;
    }
}

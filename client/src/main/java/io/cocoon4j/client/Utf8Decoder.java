package io.cocoon4j.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of token bytes into text deltas without splitting a character: bytes of an
 * incomplete UTF-8 sequence at the end wait for the next token. Invalid sequences become U+FFFD, as
 * in the final text, so the concatenated deltas always equal the decoded whole.
 */
final class Utf8Decoder {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds bytes; returns the text that is now complete (possibly empty). */
    String add(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] all = pending.toByteArray();
        int complete = completePrefix(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is left (an unfinished sequence decodes to U+FFFD). */
    String finish() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return new String(rest, StandardCharsets.UTF_8);
    }

    /** Length of the prefix that does not end inside a possibly valid, unfinished multi-byte sequence. */
    private static int completePrefix(byte[] b) {
        int n = b.length;
        // Look back at most 3 bytes for the lead byte of a trailing sequence.
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = b[n - back] & 0xff;
            if ((lead & 0xC0) == 0x80) {
                continue;
            }
            int need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}

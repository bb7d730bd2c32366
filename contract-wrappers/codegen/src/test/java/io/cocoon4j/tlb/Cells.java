package io.cocoon4j.tlb;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import org.ton.ton4j.cell.Cell;

/** Test helpers for bags of cells. */
final class Cells {
    private Cells() {}

    static Cell hexBoc(String hex) {
        return Cell.fromBoc(withoutIndex(HexFormat.of().parseHex(hex)));
    }

    static Cell base64Boc(String base64) {
        return Cell.fromBoc(withoutIndex(Base64.getDecoder().decode(base64)));
    }

    /**
     * The same bag of cells without its optional offset index and CRC32C, which ton4j 1.3.5 misreads
     * (it parses a {@code te6ccs...} BoC into a cell of the wrong length). The cell data is untouched.
     */
    static byte[] withoutIndex(byte[] boc) {
        int flags = boc[4] & 0xff;
        boolean hasIdx = (flags & 0x80) != 0;
        boolean hasCrc = (flags & 0x40) != 0;
        if (!hasIdx && !hasCrc) {
            return boc;
        }
        int size = flags & 0x07;
        int offBytes = boc[5] & 0xff;
        int p = 6;
        long cells = read(boc, p, size);
        long roots = read(boc, p + size, size);
        p += 3 * size;
        long total = read(boc, p, offBytes);
        p += offBytes;
        int rootList = (int) (roots * size);
        int index = hasIdx ? (int) (cells * offBytes) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(boc, 0, 4);
        out.write(size);
        out.write(boc, 5, p - 5 + rootList);
        out.write(boc, p + rootList + index, (int) total);
        return out.toByteArray();
    }

    private static long read(byte[] b, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** Same bits and references all the way down: equal representation hashes. */
    static void assertSameCell(Cell actual, Cell expected) {
        RoundTrip.assertSameCell(actual, expected);
    }
}

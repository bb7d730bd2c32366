package io.cocoon4j.tlb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.tlb.runtime.TlbDecodeException;
import java.util.HexFormat;
import java.util.function.Function;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/**
 * The round-trip check every generated type must pass; shared with the clients module's tests
 * through this module's test jar.
 */
public final class RoundTrip {
    private RoundTrip() {}

    /**
     * {@code load(store(x)) == x}; {@code store(load(c))} is {@code c} bit for bit; and the cell with
     * bit {@code flip} (modulo its length) flipped either decodes to a value that re-encodes to exactly
     * that cell, or fails with a {@link TlbDecodeException} (never another exception).
     */
    public static <T> void check(T value, Function<T, Cell> store, Function<Cell, T> fromCell, int flip) {
        Cell cell = store.apply(value);
        T back = fromCell.apply(cell);
        assertThat(back).isEqualTo(value);
        assertSameCell(store.apply(back), cell);

        String bits = cell.toBitString();
        if (bits.isEmpty()) {
            return;
        }
        int i = flip % bits.length();
        String flipped = bits.substring(0, i) + (bits.charAt(i) == '0' ? '1' : '0') + bits.substring(i + 1);
        Cell mutated = CellBuilder.beginCell().storeBits(flipped).storeRefs(cell.getRefs()).endCell();
        T decoded;
        try {
            decoded = fromCell.apply(mutated);
        } catch (TlbDecodeException expected) {
            assertThat(expected.type()).isNotBlank();
            return;
        }
        assertSameCell(store.apply(decoded), mutated);
    }

    /** Same bits and references all the way down: equal representation hashes. */
    public static void assertSameCell(Cell actual, Cell expected) {
        assertThat(HexFormat.of().formatHex(actual.getHash()))
                .as("re-serialised cell\n%s\nexpected\n%s", actual.print(), expected.print())
                .isEqualTo(HexFormat.of().formatHex(expected.getHash()));
    }
}

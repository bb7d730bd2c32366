package io.cocoon4j.tlb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.ton.ton4j.cell.Cell;

/** Test helpers for bags of cells. */
final class Cells {
    private Cells() {}

    static Cell hexBoc(String hex) {
        return Cell.fromBoc(HexFormat.of().parseHex(hex));
    }

    /** Same bits and references all the way down: equal representation hashes. */
    static void assertSameCell(Cell actual, Cell expected) {
        assertThat(HexFormat.of().formatHex(actual.getHash()))
                .as("re-serialised cell\n%s\nexpected\n%s", actual.print(), expected.print())
                .isEqualTo(HexFormat.of().formatHex(expected.getHash()));
    }
}

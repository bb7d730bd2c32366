package io.cocoon4j.tlb.runtime;

import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/** A value of a generated TL-B type: it serialises itself. */
public interface TlbValue {
    /** Appends this value's bits and references to {@code builder}. */
    void store(CellBuilder builder);

    /** This value alone in a new cell. */
    default Cell toCell() {
        CellBuilder b = CellBuilder.beginCell();
        store(b);
        return b.endCell();
    }
}

package io.cocoon4j.tlb.runtime;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * How to read and write a {@code T}: passed to generated types with a type parameter
 * ({@code Message X}) and used for dictionary values.
 */
public interface TlbCodec<T> {
    T load(CellSlice slice);

    void store(CellBuilder builder, T value);

    static <T> TlbCodec<T> of(Function<CellSlice, T> load, BiConsumer<CellBuilder, T> store) {
        return new TlbCodec<>() {
            @Override
            public T load(CellSlice slice) {
                return load.apply(slice);
            }

            @Override
            public void store(CellBuilder builder, T value) {
                store.accept(builder, value);
            }
        };
    }

    /** For a generated type: its static {@code load} and its own {@code store}. */
    static <T extends TlbValue> TlbCodec<T> of(Function<CellSlice, T> load) {
        return of(load, (b, v) -> v.store(b));
    }

    /** {@code Any}/{@code Cell}: the rest of the slice, bits and references, as one cell. */
    static TlbCodec<org.ton.ton4j.cell.Cell> remainder() {
        return of(s -> TlbReader.begin(s, "Cell", "_").rest(), CellBuilder::storeCell);
    }
}

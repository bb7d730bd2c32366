package io.cocoon4j.tlb.runtime;

/** TL-B {@code Either X Y}: bit 0 then an X, or bit 1 then a Y. */
public sealed interface Either<L, R> {
    record Left<L, R>(L value) implements Either<L, R> {}

    record Right<L, R>(R value) implements Either<L, R> {}

    static <L, R> Either<L, R> left(L value) {
        return new Left<>(value);
    }

    static <L, R> Either<L, R> right(R value) {
        return new Right<>(value);
    }
}

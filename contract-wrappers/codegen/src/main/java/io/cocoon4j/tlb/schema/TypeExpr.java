package io.cocoon4j.tlb.schema;

import java.util.List;

/**
 * A TL-B type or natural-number expression, as written (parentheses dropped, everything else kept).
 * {@link ImplicitTag} prints it in tlbc's normal form; the generator maps it to Java.
 */
public sealed interface TypeExpr {
    SourcePos pos();

    /** {@code Name arg...}: a type (built-in or declared) or a nat operator such as {@code ##}, {@code #<=}. */
    record Apply(String name, List<TypeExpr> args, SourcePos pos) implements TypeExpr {
        public Apply {
            args = List.copyOf(args);
        }
    }

    /** A reference to a field or implicit parameter of the same constructor; {@code ~n} is negated. */
    record FieldRef(String name, boolean negated, SourcePos pos) implements TypeExpr {}

    record IntConst(long value, SourcePos pos) implements TypeExpr {}

    /** {@code a + b} (naturals). */
    record Add(TypeExpr left, TypeExpr right, SourcePos pos) implements TypeExpr {}

    /** {@code a * b}: a product of naturals, or a repetition {@code n * T} when the right side is a type. */
    record Mul(TypeExpr left, TypeExpr right, SourcePos pos) implements TypeExpr {}

    /** {@code flag?T}: T present only when the natural {@code flag} is non-zero. */
    record CondType(TypeExpr condition, TypeExpr type, SourcePos pos) implements TypeExpr {}

    /** {@code n.i}: bit {@code i} of natural {@code n}. */
    record GetBit(TypeExpr value, TypeExpr bit, SourcePos pos) implements TypeExpr {}

    /** {@code ^T}: T serialised in its own cell, stored as a reference. */
    record Ref(TypeExpr inner, SourcePos pos) implements TypeExpr {}

    /** {@code [ fields ]}: an anonymous constructor, usually behind {@code ^}. */
    record Anonymous(List<Field> fields, SourcePos pos) implements TypeExpr {
        public Anonymous {
            fields = List.copyOf(fields);
        }
    }

    /** {@code a op b} with op one of {@code = < <= > >=}, only inside a constraint {@code { ... }}. */
    record Compare(String op, TypeExpr left, TypeExpr right, SourcePos pos) implements TypeExpr {}

    /** The kind {@code Type} of an implicit type parameter {@code {X:Type}}. */
    record Kind(SourcePos pos) implements TypeExpr {}
}

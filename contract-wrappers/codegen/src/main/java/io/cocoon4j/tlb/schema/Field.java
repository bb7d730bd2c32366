package io.cocoon4j.tlb.schema;

/**
 * One item of a constructor's field list.
 *
 * @param name the field name, or {@code null} for {@code _:T} and unnamed fields
 * @param type its type (for a constraint: the comparison)
 * @param kind explicit (serialised), implicit ({@code {n:#}}, {@code {X:Type}}) or a constraint
 */
public record Field(String name, TypeExpr type, Kind kind, SourcePos pos) {
    public enum Kind { EXPLICIT, IMPLICIT, CONSTRAINT }

    public boolean isExplicit() {
        return kind == Kind.EXPLICIT;
    }
}

package io.cocoon4j.tlb.schema;

import java.util.List;

/**
 * One TL-B declaration {@code name#tag fields = Type params;}.
 *
 * @param name constructor name, or {@code null} for {@code _}
 * @param tag the explicit tag as written, or the implicit CRC32 tag when none was written
 * @param explicitTag whether the schema wrote the tag ({@code #hex}, {@code $bits}) or {@link ImplicitTag} computed it
 * @param params the result type's parameters; {@code negatedParams.get(i)} for {@code ~p}
 * @param source the declaration's text, for Javadoc
 */
public record Constructor(
        String name,
        Tag tag,
        boolean explicitTag,
        List<Field> fields,
        String typeName,
        List<TypeExpr> params,
        List<Boolean> negatedParams,
        String source,
        SourcePos pos) {

    public Constructor {
        fields = List.copyOf(fields);
        params = List.copyOf(params);
        negatedParams = List.copyOf(negatedParams);
    }

    /** The name used in messages and Java names: the constructor name, or the type's for {@code _}. */
    public String displayName() {
        return name != null ? name : "_";
    }
}

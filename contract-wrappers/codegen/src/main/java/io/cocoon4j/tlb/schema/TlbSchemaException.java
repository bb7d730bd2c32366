package io.cocoon4j.tlb.schema;

/**
 * A schema the generator cannot accept: a syntax error, an unknown type, or a construct the Java
 * generator does not support. The message starts with {@code file:line:column}.
 */
public final class TlbSchemaException extends RuntimeException {
    private final transient SourcePos pos;

    public TlbSchemaException(SourcePos pos, String message) {
        super(pos + ": " + message);
        this.pos = pos;
    }

    /** Where the problem is. */
    public SourcePos pos() {
        return pos;
    }
}

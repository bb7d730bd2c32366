package io.cocoon4j.tlb.runtime;

/**
 * A cell that does not match its TL-B schema: wrong tag, too few bits, a missing reference,
 * trailing data, a violated constraint. Names the type, constructor and field where decoding
 * stopped; {@link #path()} lists the enclosing fields from the outermost value inwards.
 */
public final class TlbDecodeException extends RuntimeException {
    private final String type;
    private final String constructor;
    private final String field;
    private final String path;
    private final String problem;

    public TlbDecodeException(String type, String constructor, String field, String problem) {
        this(type, constructor, field, problem, type + "." + constructor + (field == null ? "" : "." + field));
    }

    private TlbDecodeException(String type, String constructor, String field, String problem, String path) {
        super("cannot decode " + path + ": " + problem);
        this.type = type;
        this.constructor = constructor;
        this.field = field;
        this.problem = problem;
        this.path = path;
    }

    /** The same failure seen from an enclosing value's field: the path grows, the innermost names stay. */
    TlbDecodeException within(String outerType, String outerConstructor, String outerField) {
        String outer = outerType + "." + outerConstructor + (outerField == null ? "" : "." + outerField);
        return new TlbDecodeException(type, constructor, field, problem, outer + " > " + path);
    }

    /** The TL-B type being decoded when it failed, e.g. {@code InternalMsgBody}. */
    public String type() {
        return type;
    }

    /** The constructor being decoded, e.g. {@code transfer}; {@code ?} before one was chosen. */
    public String constructor() {
        return constructor;
    }

    /** The field being decoded, or {@code null} when the tag or the end of the value failed. */
    public String field() {
        return field;
    }

    /** What was wrong, without the names. */
    public String problem() {
        return problem;
    }

    /** Outermost-to-innermost {@code Type.constructor.field} steps joined by {@code " > "}. */
    public String path() {
        return path;
    }
}

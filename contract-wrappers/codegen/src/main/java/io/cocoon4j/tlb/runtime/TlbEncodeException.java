package io.cocoon4j.tlb.runtime;

/**
 * A value that cannot be serialised as its TL-B type says: a number out of range, a bit string of
 * the wrong length, a violated constraint, a cell overflow. Names type, constructor and field.
 */
public final class TlbEncodeException extends IllegalArgumentException {
    public TlbEncodeException(String type, String constructor, String field, String problem) {
        super("cannot encode " + type + "." + constructor + (field == null ? "" : "." + field) + ": " + problem);
    }
}

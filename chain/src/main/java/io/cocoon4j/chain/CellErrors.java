package io.cocoon4j.chain;

/**
 * ton4j's cell readers signal a short or malformed cell with a plain {@link Error} ("Bits
 * overflow…"). Those become {@link MalformedMessageException}s; any other {@code Error} (out of
 * memory, stack overflow) is a real JVM problem and propagates unchanged.
 */
final class CellErrors {
    private CellErrors() {}

    static MalformedMessageException malformed(String what, Error e) {
        if (e.getClass() != Error.class) {
            throw e;
        }
        return new MalformedMessageException(what + ": " + e.getMessage(), e);
    }
}

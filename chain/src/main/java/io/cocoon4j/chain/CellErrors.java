package io.cocoon4j.chain;

/**
 * ton4j's cell readers signal a short or malformed cell with a plain {@link Error} ("Bits
 * overflow…"). Those become {@link MalformedMessageException}s; any other {@code Error} (out of
 * memory, stack overflow) is a real JVM problem and propagates unchanged.
 */
final class CellErrors {
    private CellErrors() {}

    /** Runs a parser; whatever a malformed cell makes it throw becomes a {@link MalformedMessageException}. */
    static <T> T parsing(String what, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (MalformedMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedMessageException(what + ": " + e.getMessage(), e);
        } catch (Error e) {
            throw malformed(what, e);
        }
    }

    static MalformedMessageException malformed(String what, Error e) {
        if (e.getClass() != Error.class) {
            throw e;
        }
        return new MalformedMessageException(what + ": " + e.getMessage(), e);
    }
}

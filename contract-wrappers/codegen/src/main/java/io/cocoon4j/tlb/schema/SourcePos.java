package io.cocoon4j.tlb.schema;

/** A place in a schema file, 1-based, printed the way compilers do: {@code file:line:column}. */
public record SourcePos(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

package io.cocoon4j.runner.gguf;

import java.util.List;

/**
 * An array metadata value. The element type is kept because llama.cpp reads some arrays as raw
 * memory of an assumed type: a checker must know what is really stored.
 *
 * @param elementType stored type of every element
 * @param values      the elements, converted as in {@link GgufFile#metadata()}
 */
public record GgufArray(GgufValueType elementType, List<Object> values) {
    public GgufArray {
        values = java.util.Collections.unmodifiableList(values);
    }

    public int size() {
        return values.size();
    }
}

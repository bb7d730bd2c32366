package io.cocoon4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a command's report: with {@code --json}, exactly one JSON object; without it, the same
 * fields as {@code key: value} lines, nested maps indented and list items one per line. Keys keep their insertion order, so pass a
 * {@link java.util.LinkedHashMap}. Commands use it through {@link ReportOptions}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static void print(Map<String, ?> fields, boolean json, PrintWriter out) {
        if (json) {
            try {
                out.println(MAPPER.writeValueAsString(fields));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            fields.forEach((k, v) -> printPlain(out, "", k, v));
        }
    }

    private static void printPlain(PrintWriter out, String indent, String key, Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.println(indent + key + ":");
            map.forEach((k, v) -> printPlain(out, indent + "  ", String.valueOf(k), v));
        } else if (value instanceof Collection<?> items && !items.isEmpty()) {
            out.println(indent + key + ":");
            items.forEach(item -> out.println(indent + "  - " + inline(item)));
        } else {
            out.println(indent + key + ": " + inline(value));
        }
    }

    /** One line for a list item: a map's entries as {@code k: v} separated by commas. */
    private static String inline(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                .map(e -> e.getKey() + ": " + inline(e.getValue()))
                .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}

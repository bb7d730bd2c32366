package io.cocoon4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Prints a command's report: with {@code --json}, exactly one JSON object; without it, the same
 * fields as {@code key: value} lines. Keys keep their insertion order, so pass a
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
            fields.forEach((k, v) -> out.println(k + ": " + v));
        }
    }
}

package io.cocoon4j.enclave.gpu;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses untrusted JSON with tight limits: bounded nesting and string sizes, and duplicate keys
 * rejected (a token with two {@code eat_nonce} members must not mean different things to
 * different parsers).
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(256 * 1024)
                    .maxNumberLength(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Json() {
    }

    /** The parsed tree, or {@code null} if the text is not one JSON value. */
    static JsonNode parseOrNull(String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(p);
            return p.nextToken() == null ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

package io.cocoon4j.runner.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;

/**
 * The body a client posts to {@code /v1/jobs/{job}}: {@code {"salt":"<64 hex>","prompt":[1,2,…]}},
 * the job's private input, sent only over RA-TLS.
 */
public final class JobInputJson {
    /** The most prompt tokens a request may carry; bounds what one body can make a runner parse. */
    public static final int MAX_PROMPT_TOKENS = 1 << 20;

    private JobInputJson() {}

    /** The body for {@code input}. */
    public static String write(JobInput input) {
        ObjectNode n = StreamEvent.Json.MAPPER.createObjectNode();
        n.put("salt", input.salt().hex());
        ArrayNode prompt = n.putArray("prompt");
        for (int t : input.promptTokens()) {
            prompt.add(t);
        }
        return n.toString();
    }

    /**
     * Parses a body.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static JobInput read(String body) {
        JsonNode n;
        try {
            n = StreamEvent.Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with 'salt' and 'prompt'");
        }
        Hash32 salt = Hash32.fromHex(StreamEvent.Json.text(n, "salt"));
        JsonNode prompt = n.get("prompt");
        if (prompt == null || !prompt.isArray()) {
            throw new IllegalArgumentException("'prompt' must be an array of token ids");
        }
        if (prompt.size() > MAX_PROMPT_TOKENS) {
            throw new IllegalArgumentException("'prompt' has " + prompt.size() + " tokens, at most " + MAX_PROMPT_TOKENS);
        }
        int[] tokens = new int[prompt.size()];
        for (int i = 0; i < tokens.length; i++) {
            JsonNode t = prompt.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt() || t.asInt() < 0) {
                throw new IllegalArgumentException("prompt token " + i + " is not a token id: " + t);
            }
            tokens[i] = t.asInt();
        }
        return new JobInput(salt, tokens);
    }
}

package io.cocoon4j.runner.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.job.Transcript;

/**
 * A transcript as {@code GET /v1/jobs/{job}/transcript} sends it to an attested verifier:
 * {@code {"job":"<hex>","salt":"<hex>","prompt":[ids],"output":[ids],"stop":"END_OF_GENERATION"}}.
 */
public final class TranscriptJson {
    private TranscriptJson() {}

    /** The body for job {@code jobId}'s transcript. */
    public static String write(Hash32 jobId, Transcript t) {
        ObjectNode n = StreamEvent.Json.MAPPER.createObjectNode();
        n.put("job", jobId.hex());
        n.put("salt", t.input().salt().hex());
        ArrayNode prompt = n.putArray("prompt");
        for (int id : t.input().promptTokens()) {
            prompt.add(id);
        }
        ArrayNode output = n.putArray("output");
        for (int id : t.output()) {
            output.add(id);
        }
        n.put("stop", t.stop().name());
        return n.toString();
    }

    /**
     * Parses a transcript body and checks it is for {@code jobId}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Transcript read(Hash32 jobId, String body) {
        JsonNode n;
        try {
            n = StreamEvent.Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a transcript is JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a transcript is a JSON object");
        }
        if (!Hash32.fromHex(StreamEvent.Json.text(n, "job")).equals(jobId)) {
            throw new IllegalArgumentException("the transcript is for job " + n.get("job").asText() + ", not " + jobId);
        }
        JobInput input = new JobInput(Hash32.fromHex(StreamEvent.Json.text(n, "salt")), ids(n, "prompt"));
        StopReason stop;
        try {
            stop = StopReason.valueOf(StreamEvent.Json.text(n, "stop"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown stop reason " + n.get("stop"), e);
        }
        return new Transcript(input, ids(n, "output"), stop);
    }

    private static int[] ids(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array of token ids");
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode t = a.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt() || t.asInt() < 0) {
                throw new IllegalArgumentException(field + " token " + i + " is not a token id: " + t);
            }
            out[i] = t.asInt();
        }
        return out;
    }
}

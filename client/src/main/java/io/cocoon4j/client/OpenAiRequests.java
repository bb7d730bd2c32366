package io.cocoon4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.protocol.SamplingSpec;
import java.security.SecureRandom;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the OpenAI request bodies the gateway accepts into {@link CompletionRequest}s, refusing
 * anything it cannot honour with a message that names the field.
 *
 * <p>Chat messages are rendered as one {@code role: content} line each, then {@code assistant:}
 * (generated models have no chat template). {@code temperature} absent or 0 means greedy decoding
 * (reproducible); above 0 the job samples with the request's {@code seed}, or a random public seed.
 */
final class OpenAiRequests {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
    private static final SecureRandom SEEDS = new SecureRandom();

    private OpenAiRequests() {}

    /** A chat completion request, and whether it streams. */
    record Parsed(CompletionRequest request, boolean stream, boolean includeUsage) {}

    static Parsed chat(JsonNode body) {
        requireObject(body);
        String model = model(body);
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw invalid("messages", "'messages' must be a non-empty array of {role, content} objects");
        }
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw invalid("messages[" + i + "]", "messages[" + i + "] must be an object");
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw invalid("messages[" + i + "].role", "messages[" + i + "].role must be one of " + ROLES);
            }
            prompt.append(role.asText()).append(": ").append(content(m.get("content"), i)).append('\n');
        }
        prompt.append("assistant:");
        OptionalInt max = maxTokens(body, "max_completion_tokens");
        if (max.isEmpty()) {
            max = maxTokens(body, "max_tokens");
        }
        return parsed(body, new CompletionRequest(model, prompt.toString(), max, sampling(body)));
    }

    static Parsed completion(JsonNode body) {
        requireObject(body);
        String model = model(body);
        JsonNode p = body.get("prompt");
        if (p != null && p.isArray() && p.size() == 1 && p.get(0).isTextual()) {
            p = p.get(0);
        }
        if (p == null || !p.isTextual()) {
            throw invalid("prompt", "'prompt' must be a string (or an array of exactly one string)");
        }
        if (body.hasNonNull("suffix") || body.path("echo").asBoolean(false) || body.hasNonNull("logprobs")
                || body.path("best_of").asInt(1) != 1) {
            throw invalid(null, "suffix, echo, logprobs and best_of are not supported");
        }
        return parsed(body, new CompletionRequest(model, p.asText(), maxTokens(body, "max_tokens"), sampling(body)));
    }

    private static Parsed parsed(JsonNode body, CompletionRequest request) {
        JsonNode n = body.get("n");
        if (n != null && !n.isNull() && (!n.isIntegralNumber() || n.asInt() != 1)) {
            throw invalid("n", "only n = 1 is supported: each completion is one paid job");
        }
        JsonNode stop = body.get("stop");
        if (stop != null && !stop.isNull() && !(stop.isArray() && stop.isEmpty())) {
            throw invalid("stop", "stop sequences are not supported: a job's output ends at the model's end token or max_tokens");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw invalid("stream", "'stream' must be a boolean");
        }
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        return new Parsed(request, stream != null && stream.asBoolean(), includeUsage);
    }

    private static String content(JsonNode c, int i) {
        if (c != null && c.isTextual()) {
            return c.asText();
        }
        if (c != null && c.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : c) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw invalid("messages[" + i + "].content", "only text content parts are supported");
                }
                text.append(part.get("text").asText());
            }
            return text.toString();
        }
        throw invalid("messages[" + i + "].content", "messages[" + i + "].content must be a string or text parts");
    }

    private static String model(JsonNode body) {
        JsonNode m = body.get("model");
        if (m == null || !m.isTextual() || m.asText().isBlank()) {
            throw invalid("model", "'model' is required: the name of a model from GET /v1/models");
        }
        return m.asText();
    }

    private static OptionalInt maxTokens(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw invalid(field, "'" + field + "' must be a positive integer, got " + v);
        }
        return OptionalInt.of(v.asInt());
    }

    private static SamplingSpec sampling(JsonNode body) {
        double temperature = number(body, "temperature", 0, 2, 0);
        double topP = number(body, "top_p", Double.MIN_VALUE, 1, 1);
        JsonNode seedNode = body.get("seed");
        if (seedNode != null && !seedNode.isNull() && !seedNode.isIntegralNumber()) {
            throw invalid("seed", "'seed' must be an integer");
        }
        if (temperature == 0) {
            return new SamplingSpec.Greedy();
        }
        long seed = seedNode == null || seedNode.isNull() ? SEEDS.nextLong() : seedNode.asLong();
        int topPMicro = (int) Math.max(1, Math.round(topP * SamplingSpec.Sampled.MICRO));
        return new SamplingSpec.Sampled((int) Math.max(1, Math.round(temperature * 1000)), 0, topPMicro, 0, seed);
    }

    private static double number(JsonNode body, String field, double min, double max, double absent) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw invalid(field, "'" + field + "' must be a number from " + (min == Double.MIN_VALUE ? "above 0" : min)
                + " to " + max + ", got " + v);
        }
        return v.asDouble();
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(null, "the request body must be a JSON object");
        }
    }

    private static RequestException invalid(String param, String message) {
        return new RequestException(RequestException.Kind.INVALID, param, message);
    }
}

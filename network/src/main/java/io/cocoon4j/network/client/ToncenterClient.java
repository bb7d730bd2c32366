package io.cocoon4j.network.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.chain.ChainUnavailableException;
import io.cocoon4j.network.toncenter.ToncenterError;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls toncenter v2 methods over JSON-RPC with the care a service holding money needs: a timeout
 * on every request, retries with exponential backoff on what is transient (no answer, 502/503/504,
 * a lite-server timeout), 429 answered by waiting as long as {@code Retry-After} asks, and clear
 * {@link ChainUnavailableException}s for what is not (wrong endpoint, bad API key, exhausted
 * retries). The API key goes in the {@code X-API-Key} header and never into a message.
 */
public final class ToncenterClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BASE_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 8_000;
    private static final long MAX_RETRY_AFTER_S = 30;

    private final NetworkEndpoint endpoint;
    private final HttpTransport transport;
    private final URI rpc;

    public ToncenterClient(NetworkEndpoint endpoint, HttpTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.rpc = URI.create(endpoint.baseUrl() + "/jsonRPC");
    }

    public NetworkEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Calls {@code method} and returns its {@code result}.
     *
     * @throws ToncenterError when the API answered {@code ok: false} with a definite error
     * @throws ChainUnavailableException when the endpoint cannot be used (unreachable, not a toncenter
     *     API, key rejected, rate-limited or failing past the retries)
     */
    public JsonNode call(String method, Map<String, ?> params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("id", "1");
        req.put("jsonrpc", "2.0");
        req.put("method", method);
        req.set("params", JSON.valueToTree(params));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(req);
        } catch (IOException e) {
            throw new IllegalArgumentException("parameters of " + method + " are not JSON: " + e.getMessage(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        endpoint.apiKey().ifPresent(k -> headers.put("X-API-Key", k));
        String last = "";
        for (int attempt = 1; attempt <= endpoint.maxAttempts(); attempt++) {
            long waitMs = backoff(attempt);
            HttpTransport.Response r;
            try {
                r = transport.post(rpc, headers, body, endpoint.requestTimeout());
            } catch (IOException e) {
                last = "no answer (" + describe(e) + ")";
                pause(attempt, waitMs);
                continue;
            }
            JsonNode reply = parse(r.body());
            if (r.status() == 429) {
                last = "rate limited (HTTP 429)";
                pause(attempt, r.retryAfterSeconds().map(s -> Math.min(s, MAX_RETRY_AFTER_S) * 1000).orElse(waitMs));
                continue;
            }
            if (r.status() == 401 || r.status() == 403) {
                throw new ChainUnavailableException(endpoint.name() + " rejected the request: HTTP " + r.status()
                        + (reply != null ? " (" + reply.path("error").asText() + ")" : "")
                        + "; check the API key (--api-key or COCOON_TONCENTER_API_KEY)");
            }
            if (reply == null || !reply.has("ok")) {
                if (r.status() == 502 || r.status() == 503 || r.status() == 504) {
                    last = "HTTP " + r.status();
                    pause(attempt, waitMs);
                    continue;
                }
                throw new ChainUnavailableException(endpoint.baseUrl() + " does not answer like a toncenter v2 API"
                        + " (HTTP " + r.status() + " to " + method + ", body not {ok, result}); check the endpoint URL:"
                        + " it ends in /api/v2");
            }
            if (reply.path("ok").asBoolean()) {
                return reply.path("result");
            }
            int code = reply.path("code").asInt(r.status());
            String error = reply.path("error").asText("unknown error");
            if (transient_(code, error)) {
                last = "HTTP " + code + " " + error;
                pause(attempt, waitMs);
                continue;
            }
            throw new ToncenterError(code, error);
        }
        throw new ChainUnavailableException(endpoint.name() + " (" + endpoint.baseUrl() + ") failed " + method + " "
                + endpoint.maxAttempts() + " times; last: " + last
                + (last.contains("429") ? "; the endpoint limits requests: use an API key or slow down" : ""));
    }

    private static boolean transient_(int code, String error) {
        if (code == 502 || code == 503 || code == 504) {
            return true;
        }
        String e = error.toLowerCase();
        return code >= 500 && !e.contains("not accepted") && (e.contains("timeout") || e.contains("lite_server_network"));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long backoff(int attempt) {
        long exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(attempt - 1, 10));
        return exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
    }

    private void pause(int attempt, long ms) {
        if (attempt >= endpoint.maxAttempts()) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while waiting to retry " + endpoint.name());
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}

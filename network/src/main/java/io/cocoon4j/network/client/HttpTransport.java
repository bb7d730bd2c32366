package io.cocoon4j.network.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP POST, the only thing the network chain needs from HTTP. The default runs on the JDK's
 * {@link HttpClient}; tests wrap it to inject faults (lost answers, errors, 429 storms).
 */
@FunctionalInterface
public interface HttpTransport {

    /** A response: status, body and the {@code Retry-After} header in seconds, if any. */
    record Response(int status, byte[] body, Optional<Long> retryAfterSeconds) {}

    /**
     * Posts {@code body} to {@code uri}.
     *
     * @throws IOException when no response came (refused, reset, timed out)
     */
    Response post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException;

    /** The JDK client, with a connect timeout. */
    static HttpTransport jdk(Duration connectTimeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        return (uri, headers, body, timeout) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            try {
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                Optional<Long> retryAfter = r.headers().firstValue("Retry-After").flatMap(v -> {
                    try {
                        return Optional.of(Long.parseLong(v.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
                return new Response(r.statusCode(), r.body(), retryAfter);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }
}

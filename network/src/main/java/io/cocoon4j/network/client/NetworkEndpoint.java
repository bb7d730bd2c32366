package io.cocoon4j.network.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a toncenter v2 API is and how to talk to it.
 *
 * @param name a label for messages ({@code local}, {@code testnet}, {@code mainnet} or the URL)
 * @param baseUrl the API root, ending in {@code /api/v2}
 * @param apiKey the key sent as {@code X-API-Key}, if any (never logged)
 * @param globalId the network's global id (wallet v5r1 derives its wallet id from it)
 * @param requestTimeout how long one HTTP request may take
 * @param maxAttempts attempts per call on transient errors (timeouts, 5xx, 429) before giving up
 * @param landTimeout how long a sent message is waited for before it counts as expired
 */
public record NetworkEndpoint(String name, URI baseUrl, Optional<String> apiKey, int globalId,
                              Duration requestTimeout, int maxAttempts, Duration landTimeout) {

    /** The public testnet's toncenter. Without a key it allows about one request per second. */
    public static final String TESTNET_URL = "https://testnet.toncenter.com/api/v2";
    /** The public mainnet toncenter. */
    public static final String MAINNET_URL = "https://toncenter.com/api/v2";

    public NetworkEndpoint {
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
        if (s.endsWith("/jsonRPC")) {
            baseUrl = URI.create(s.substring(0, s.length() - "/jsonRPC".length()));
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The network named {@code local}, {@code testnet} or {@code mainnet}, or any endpoint URL. */
    public static NetworkEndpoint of(String network, Optional<String> apiKey, String localUrl) {
        switch (network) {
            case "testnet":
                return new NetworkEndpoint("testnet", URI.create(TESTNET_URL), apiKey, -3, Duration.ofSeconds(20), 6,
                        Duration.ofSeconds(180));
            case "mainnet":
                return new NetworkEndpoint("mainnet", URI.create(MAINNET_URL), apiKey, -239, Duration.ofSeconds(20), 6,
                        Duration.ofSeconds(180));
            case "local":
                return local(URI.create(localUrl), apiKey);
            default:
                if (network.startsWith("http://") || network.startsWith("https://")) {
                    return new NetworkEndpoint(network, URI.create(network), apiKey, -239, Duration.ofSeconds(20), 6,
                            Duration.ofSeconds(180));
                }
                throw new IllegalArgumentException("unknown network '" + network
                        + "': use local, testnet, mainnet or an endpoint URL ending in /api/v2");
        }
    }

    /** A local network's endpoint: short timeouts, messages land at once. */
    public static NetworkEndpoint local(URI baseUrl, Optional<String> apiKey) {
        return new NetworkEndpoint("local", baseUrl, apiKey, -239, Duration.ofSeconds(30), 4, Duration.ofSeconds(30));
    }

    public boolean isLocal() {
        return name.equals("local");
    }

    public NetworkEndpoint withMaxAttempts(int attempts) {
        return new NetworkEndpoint(name, baseUrl, apiKey, globalId, requestTimeout, attempts, landTimeout);
    }

    public NetworkEndpoint withLandTimeout(Duration d) {
        return new NetworkEndpoint(name, baseUrl, apiKey, globalId, requestTimeout, maxAttempts, d);
    }

    public NetworkEndpoint withRequestTimeout(Duration d) {
        return new NetworkEndpoint(name, baseUrl, apiKey, globalId, d, maxAttempts, landTimeout);
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl + (apiKey.isPresent() ? ", with API key" : "") + ")";
    }
}

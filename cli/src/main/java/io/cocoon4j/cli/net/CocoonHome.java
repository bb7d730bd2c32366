package io.cocoon4j.cli.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.network.toncenter.ToncenterServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where cocoon keeps a user's files: {@code $COCOON_HOME}, else {@code ~/.cocoon}. Wallets in
 * {@code wallets/NAME.json}, network files (what {@code cocoon deploy} wrote) in
 * {@code networks/NETWORK.json}, and {@code local-network.json} naming the endpoint of the network
 * {@code cocoon up} runs on this machine.
 */
public final class CocoonHome {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CocoonHome() {}

    public static Path dir() {
        String env = System.getenv("COCOON_HOME");
        if (env == null || env.isBlank()) {
            env = System.getProperty("cocoon.home");
        }
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cocoon");
    }

    public static Path wallet(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("a wallet name is letters, digits, '.', '_' or '-' (up to 64); got '" + name + "'");
        }
        return dir().resolve("wallets").resolve(name + ".json");
    }

    public static Path networkFile(String network) {
        String safe = network.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir().resolve("networks").resolve(safe + ".json");
    }

    public static Path localNetworkFile() {
        return dir().resolve("local-network.json");
    }

    /**
     * The local network's endpoint: {@code $COCOON_LOCAL_ENDPOINT} (or the system property
     * {@code cocoon.local_endpoint}), else what a running {@code cocoon up}
     * wrote in {@code local-network.json}, else the default port on loopback.
     */
    public static String localEndpoint() {
        String env = System.getenv("COCOON_LOCAL_ENDPOINT");
        if (env == null || env.isBlank()) {
            env = System.getProperty("cocoon.local_endpoint");
        }
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path f = localNetworkFile();
        if (Files.isRegularFile(f)) {
            try {
                JsonNode n = JSON.readTree(f.toFile());
                Optional<String> e = Optional.ofNullable(n.get("endpoint")).map(JsonNode::asText);
                if (e.isPresent()) {
                    return e.get();
                }
            } catch (IOException e) {
                // fall back to the default
            }
        }
        return "http://127.0.0.1:" + ToncenterServer.DEFAULT_PORT + "/api/v2";
    }
}

package io.cocoon4j.cli.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code cocoon deploy} wrote for a network ({@code ~/.cocoon/networks/NETWORK.json}) and every
 * other command reads: the endpoint, the root contract (today the sample counter, standing in until
 * the protocol's root contract lands), every deployed contract's address and code hash, the
 * config version.
 *
 * @param path where it lives
 * @param json its content
 */
public record NetworkFile(Path path, JsonNode json) {
    /** Bumped when the layout of the file changes. */
    public static final int CONFIG_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static NetworkFile read(String network) {
        Path p = CocoonHome.networkFile(network);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("nothing deployed on " + network + " yet (" + p + " is missing): run"
                    + " `cocoon deploy --network " + network + " --wallet NAME` first");
        }
        try {
            return new NetworkFile(p, JSON.readTree(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    public static NetworkFile write(String network, ObjectNode content) {
        Path p = CocoonHome.networkFile(network);
        try {
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".network", ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new NetworkFile(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }

    /** The root contract's raw address. */
    public String rootAddress() {
        return json.path("root").path("address").asText();
    }
}

package io.cocoon4j.chain.emulator;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Chicory's compiled classes for the emulator WASM, kept on disk so that only the first JVM on a
 * machine pays the ~30 s translation. Entries are keyed by Chicory (a digest of the module and
 * compiler settings) and kept in a folder named after the WASM's SHA-256; writes are atomic, so
 * concurrent JVMs may share the folder.
 */
final class CompiledClassCache implements Cache {

    private final Path dir;

    CompiledClassCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The cache folder: system property {@code cocoon.cache.dir}, else {@code $XDG_CACHE_HOME/cocoon4j},
     * else {@code ~/.cache/cocoon4j}; then {@code chicory/<wasm sha256 prefix>}.
     */
    static Path defaultDir(String wasmSha256) {
        String configured = System.getProperty("cocoon.cache.dir");
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else if (System.getenv("XDG_CACHE_HOME") != null && !System.getenv("XDG_CACHE_HOME").isBlank()) {
            root = Path.of(System.getenv("XDG_CACHE_HOME"), "cocoon4j");
        } else {
            root = Path.of(System.getProperty("user.home"), ".cache", "cocoon4j");
        }
        return root.resolve("chicory").resolve(wasmSha256.substring(0, 16));
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] data) throws IOException {
        Path target = file(key);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "entry", ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path file(String key) {
        // Keys are digests; keep only file-name-safe characters anyway.
        return dir.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
    }
}

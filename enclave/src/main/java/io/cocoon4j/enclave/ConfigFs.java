package io.cocoon4j.enclave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four file operations configfs-tsm needs. Production uses the real file system; a unit test
 * substitutes a stand-in for the kernel side (what mkdir and a write to {@code inblob} cause).
 */
interface ConfigFs {

    void mkdir(Path dir) throws IOException;

    void write(Path file, byte[] bytes) throws IOException;

    /** Reads at most {@code limit + 1} bytes, so the caller can tell "too long" from "exactly limit". */
    byte[] read(Path file, int limit) throws IOException;

    void rmdir(Path dir) throws IOException;

    /** The real file system (configfs lets rmdir remove a report entry with its attribute files). */
    ConfigFs SYSTEM = new ConfigFs() {
        @Override
        public void mkdir(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            Files.write(file, bytes);
        }

        @Override
        public byte[] read(Path file, int limit) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(limit + 1);
            }
        }

        @Override
        public void rmdir(Path dir) throws IOException {
            Files.delete(dir);
        }
    };
}

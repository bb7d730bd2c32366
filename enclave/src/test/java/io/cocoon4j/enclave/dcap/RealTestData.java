package io.cocoon4j.enclave.dcap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real Intel TDX test vectors (../shared/testdata/tdx); tests using it skip when absent. */
final class RealTestData {
    /** Inside the validity of the sample TCB info, QE identity and PCK CRL (June 2023). */
    static final java.time.Instant JUNE_2023 = java.time.Instant.parse("2023-06-20T00:00:00Z");

    /** Inside the validity of the v5 sample's PCK certificate and its TCB info (February 2026). */
    static final java.time.Instant FEB_2026 = java.time.Instant.parse("2026-02-15T00:00:00Z");

    private RealTestData() {}

    static Path dir() {
        String root = System.getProperty("cocoon.testdata");
        if (root == null || root.isBlank()) {
            root = System.getenv("COCOON_TESTDATA");
        }
        Path dir = root == null ? null : Path.of(root, "tdx");
        assumeTrue(dir != null && Files.isDirectory(dir),
            "SKIPPED: real TDX test data not found (set -Dcocoon.testdata or COCOON_TESTDATA to the folder holding tdx/)");
        return dir;
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

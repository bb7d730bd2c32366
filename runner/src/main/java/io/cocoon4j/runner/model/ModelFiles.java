package io.cocoon4j.runner.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Hashing of model files: the model hash a result commits to is the file's SHA-256. */
public final class ModelFiles {
    private ModelFiles() {}

    /** SHA-256 of the file's bytes, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = ModelGenerator.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}

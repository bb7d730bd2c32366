package io.cocoon4j.verifier.experiment;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.runner.model.ModelFiles;
import io.cocoon4j.runner.model.ModelGenerator;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generated models in one directory, written on first use: the experiments need the honest model
 * and its cheating relatives (another seed, lower precisions of the same weights).
 */
public final class ModelCache {
    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir;
    }

    /** A generated model file and its SHA-256. */
    public record Model(ModelSpec spec, Path path, Hash32 sha256) {}

    /** The file for {@code spec}, generated if absent. */
    public Model get(ModelSpec spec) {
        Path file = dir.resolve(String.format(Locale.ROOT, "%s-seed%d-%s.gguf", spec.shape().id(), spec.seed(),
            spec.type().name().toLowerCase(Locale.ROOT)));
        try {
            String hex = Files.isRegularFile(file) ? ModelFiles.sha256(file) : ModelGenerator.generate(spec, file);
            return new Model(spec, file, Hash32.fromHex(hex));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated model " + file + ": " + e.getMessage(), e);
        }
    }
}

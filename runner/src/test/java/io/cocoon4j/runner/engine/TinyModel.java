package io.cocoon4j.runner.engine;

import io.cocoon4j.runner.model.ModelGenerator;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The generated tiny model, written once per test JVM under target/. */
final class TinyModel {
    private static Path path;

    private TinyModel() {}

    /** An engine on the tiny model: one thread (tests share two cores), the given context. */
    static LlamaEngine open(int contextLength) {
        return LlamaEngine.open(path(), EngineOptions.defaults().withThreads(1).withContextLength(contextLength));
    }

    static synchronized Path path() {
        if (path == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-models"));
                path = dir.resolve("tiny.gguf");
                ModelGenerator.generate(ModelSpec.of(ModelShape.TINY), path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return path;
    }
}

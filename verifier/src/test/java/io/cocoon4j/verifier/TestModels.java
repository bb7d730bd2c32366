package io.cocoon4j.verifier;

import io.cocoon4j.verifier.experiment.ModelCache;
import java.nio.file.Path;

/** Generated models for the verifier's tests, under target/ (one generation per build). */
final class TestModels {
    static final ModelCache CACHE = new ModelCache(Path.of("target", "test-models"));

    private TestModels() {}
}

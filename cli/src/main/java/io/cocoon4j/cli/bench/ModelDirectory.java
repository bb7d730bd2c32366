package io.cocoon4j.cli.bench;

import io.cocoon4j.verifier.experiment.ModelCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --models DIR} option shared by the verification benchmarks. */
final class ModelDirectory {
    @Option(names = "--models", paramLabel = "DIR",
        description = "Where generated models are kept (written on first use; default: ${DEFAULT-VALUE}).",
        defaultValue = "${sys:java.io.tmpdir}/cocoon4j-models")
    Path dir;

    ModelCache cache() {
        return new ModelCache(dir);
    }
}

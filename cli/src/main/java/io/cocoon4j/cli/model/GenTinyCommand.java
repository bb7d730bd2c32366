package io.cocoon4j.cli.model;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.runner.model.ModelGenerator;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.runner.model.WeightType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cocoon model gen-tiny}: writes a seeded llama-architecture GGUF model. */
@Command(
    name = "gen-tiny",
    mixinStandardHelpOptions = true,
    description = "Write a llama-architecture GGUF model with seeded random weights and a real SentencePiece"
        + " tokenizer. The same options always give the same bytes (same SHA-256).")
public final class GenTinyCommand implements Callable<Integer> {
    @Option(names = "--shape", defaultValue = "tiny",
        description = "Model shape: tiny (0.6 MB, f32), small (71 MB, f16) or medium (372 MB, f16) (default: ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: cocoon4j-<shape>.gguf in the current directory).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Weight seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--type", description = "Matrix precision: f32, f16 or q8_0 (default: the shape's; tiny f32, else f16).")
    String type;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws Exception {
        ModelShape s = ModelShape.parse(shape);
        WeightType t = type == null ? s.defaultType : WeightType.parse(type);
        ModelSpec spec = new ModelSpec(s, seed, t);
        Path file = out != null ? out : Path.of("cocoon4j-" + s.id() + (t == s.defaultType ? "" : "-" + t.name().toLowerCase())
            + (seed == ModelSpec.DEFAULT_SEED ? "" : "-seed" + seed) + ".gguf");
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory");
        }
        long t0 = System.nanoTime();
        String sha = ModelGenerator.generate(spec, file);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file.toAbsolutePath().toString());
        r.put("shape", s.id());
        r.put("seed", seed);
        r.put("type", t.name().toLowerCase());
        r.put("bytes", Files.size(file));
        r.put("sha256", sha);
        r.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
        output.print(r);
        return 0;
    }
}

package io.cocoon4j.cli.model;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.runner.gguf.GgufFile;
import io.cocoon4j.runner.gguf.GgufFormatException;
import io.cocoon4j.runner.gguf.GgufReader;
import io.cocoon4j.runner.model.ModelFiles;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cocoon model hash FILE}: the model hash a result commits to, plus what the GGUF header says. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = "Print a model file's SHA-256 (the model hash results commit to) and its GGUF summary.")
public final class HashCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The model file (GGUF).")
    Path file;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (no such file)");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file.toAbsolutePath().toString());
        r.put("bytes", Files.size(file));
        r.put("sha256", ModelFiles.sha256(file));
        try {
            GgufFile g = GgufReader.read(file);
            r.put("gguf_version", g.version());
            r.put("architecture", g.string("general.architecture").orElse(null));
            r.put("name", g.string("general.name").orElse(null));
            r.put("tensors", g.tensors().size());
            r.put("parameters", g.tensors().stream().mapToLong(t -> t.elements()).sum());
            r.put("vocab", g.arrayLength("tokenizer.ggml.tokens").orElse(null));
        } catch (GgufFormatException e) {
            r.put("gguf_error", e.getMessage());
        }
        output.print(r);
        return 0;
    }
}

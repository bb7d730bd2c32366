package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.runner.engine.EngineOptions;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.model.ModelGenerator;
import io.cocoon4j.runner.model.ModelShape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The tiny generated model and jobs on it, for the runner's job tests (and, through the test jar, the client's). */
public final class TestJobs {
    /** The context length test runners serve. */
    public static final int CONTEXT = 128;

    private static Path model;
    private static Hash32 modelSha;

    private TestJobs() {}

    /** The tiny model, generated once per JVM under target/test-models. */
    public static synchronized Path model() {
        if (model == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-models"));
                Path path = dir.resolve("tiny-jobs.gguf");
                if (!Files.exists(path)) {
                    Path tmp = Files.createTempFile(dir, "tiny", ".part");
                    ModelGenerator.generate(ModelGenerator.ModelSpec.of(ModelShape.TINY), tmp);
                    Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                model = path;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    /** SHA-256 of {@link #model()}. */
    public static synchronized Hash32 modelSha256() {
        if (modelSha == null) {
            try (InputStream in = Files.newInputStream(model())) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
                modelSha = Hash32.of(sha.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return modelSha;
    }

    /** An engine as test runners open it: one thread (tests share two cores), {@link #CONTEXT} tokens. */
    public static LlamaEngine engine() {
        return LlamaEngine.open(model(), EngineOptions.defaults().withThreads(1).withContextLength(CONTEXT));
    }

    /** A greedy job for {@code input} on this engine. */
    public static JobSpec spec(Hash32 jobId, LlamaEngine engine, JobInput input, int maxTokens) {
        return new JobSpec(jobId, modelSha256(), new EngineId(engine.engineId().value()), CONTEXT,
            input.commitment(),
            new SamplingSpec.Greedy(), maxTokens);
    }
}

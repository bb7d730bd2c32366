package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.verifier.experiment.VerifyBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cocoon bench verify}: generate vs teacher-forced verify time for the same job. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Time to verify a job by teacher forcing against the time to generate it (verify_generate_ratio).",
        "Generates a greedy job on a generated model, then verifies it by teacher forcing, in the same "
            + "process; reports generate time, verify time and verify_generate_ratio (target <= 0.3, stretch <= 0.1)."})
public final class BenchVerifyCommand implements Callable<Integer> {
    @Mixin
    ReportOptions output;

    @Option(names = "--quick", description = "The tiny model and 64 tokens instead of the small model.")
    boolean quick;

    @Option(names = "--shape", description = "Model shape: tiny, small or medium (default: ${DEFAULT-VALUE}).",
        defaultValue = "small")
    String shape;

    @Option(names = "--tokens", description = "Output tokens (default: ${DEFAULT-VALUE}).", defaultValue = "128")
    int tokens;

    @Option(names = "--threads", description = "CPU threads for both runs (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int threads;

    @Option(names = "--repeats", description = "Runs; the best time of each side is reported (default: ${DEFAULT-VALUE}).",
        defaultValue = "2")
    int repeats;

    @Option(names = "--drift", description = "Also measure logit drift (threads 1/2, batch shapes, generate vs score) "
        + "on the same model and report it with the model's tolerance.")
    boolean drift;

    @Mixin
    ModelDirectory models;

    @Override
    public Integer call() {
        ModelShape s = quick ? ModelShape.TINY : ModelShape.parse(shape);
        int n = quick ? 64 : tokens;
        VerifyBenchmark.Result result = VerifyBenchmark.run(models.cache(), s, n, threads, repeats, System.err);
        var fields = result.toMap();
        fields.put("tau", io.cocoon4j.verifier.Tolerances.forShape(s.id()).tau());
        if (drift) {
            System.err.println("bench verify: measuring drift");
            fields.put("drift", io.cocoon4j.verifier.experiment.VerifyBenchmark.drift(models.cache(), s, n).toMap());
        }
        output.print(fields);
        return result.accepted() ? 0 : 1;
    }
}

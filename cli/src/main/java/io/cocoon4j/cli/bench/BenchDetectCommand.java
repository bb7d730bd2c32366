package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.protocol.sampling.Tolerance;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.verifier.Tolerances;
import io.cocoon4j.verifier.experiment.DetectionExperiment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cocoon bench detect}: false positives over honest jobs and detection rate per cheat. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
        "False-positive and detection rates of verification: honest jobs against every cheat.",
        "Runs honest jobs across thread counts and batch shapes and plays each cheat on a "
            + "generated model (--shape, default tiny); reports false_positive_rate, detection_rate (rejected) and "
            + "detected_or_flagged_rate per cheat. Exit 0 only if no honest job was rejected or flagged and every "
            + "wrong result was rejected or flagged. On a shared machine set OMP_WAIT_POLICY=PASSIVE."})
public final class BenchDetectCommand implements Callable<Integer> {
    @Mixin
    ReportOptions output;

    @Option(names = "--quick", description = "40 honest jobs and 3 trials per cheat.")
    boolean quick;

    @Option(names = "--honest-jobs", description = "Honest jobs (default: ${DEFAULT-VALUE}).", defaultValue = "240")
    int honestJobs;

    @Option(names = "--trials", description = "Trials per cheat that change the output (default: ${DEFAULT-VALUE}).",
        defaultValue = "20")
    int trials;

    @Option(names = "--max-tokens", description = "Output tokens per job (default: ${DEFAULT-VALUE}).", defaultValue = "48")
    int maxTokens;

    @Option(names = "--seed", description = "Varies prompts, job ids and sampling seeds (default: ${DEFAULT-VALUE}).",
        defaultValue = "1")
    long seed;

    @Option(names = "--tau", description = "Tolerance the verifiers use, for calibration sweeps "
        + "(default: the model's calibrated τ).")
    Double tau;

    @Option(names = "--shape", description = "Generated model: tiny, small or medium (default: ${DEFAULT-VALUE}).",
        defaultValue = "tiny")
    String shape;

    @Mixin
    ModelDirectory models;

    @Override
    public Integer call() {
        ModelShape modelShape = ModelShape.parse(shape);
        Tolerance tolerance = tau == null ? Tolerances.forShape(modelShape.id()) : new Tolerance(tau);
        DetectionExperiment.Config config = quick
            ? new DetectionExperiment.Config(40, 3, maxTokens, seed, tolerance, modelShape)
            : new DetectionExperiment.Config(honestJobs, trials, maxTokens, seed, tolerance, modelShape);
        DetectionExperiment.Report report = DetectionExperiment.run(models.cache(), config, System.err);
        boolean allCaught = report.cheats().stream()
            .allMatch(c -> c.trials() > 0 && c.detected() + c.flagged() == c.trials());
        boolean ok = report.falsePositives() == 0 && report.honestFlagged() == 0 && allCaught;
        var fields = report.toMap();
        fields.put("ok", ok);
        output.print(fields);
        return ok ? 0 : 1;
    }
}

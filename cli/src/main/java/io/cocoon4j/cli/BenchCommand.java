package io.cocoon4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cocoon bench …}: benchmarks that report ratios against a reference run in the same invocation. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; each prints its figures and ratios against a reference measured in the same run.",
    subcommands = {
        io.cocoon4j.cli.bench.BenchEngineCommand.class,
        io.cocoon4j.cli.bench.RaTlsBenchCommand.class,
        io.cocoon4j.cli.bench.ChainBench.class,
        io.cocoon4j.cli.bench.TlbBench.class,
        io.cocoon4j.cli.bench.BenchVerifyCommand.class,
        io.cocoon4j.cli.bench.BenchDetectCommand.class,
        io.cocoon4j.cli.bench.FeesBench.class,
        io.cocoon4j.cli.bench.BenchEconomicsCommand.class,
    })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

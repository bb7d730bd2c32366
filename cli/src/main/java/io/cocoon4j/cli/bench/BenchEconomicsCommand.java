package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.economics.EconomicsBench;
import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.report.ReportWriter;
import io.cocoon4j.protocol.params.NetworkParams;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cocoon bench economics}: whether cheating pays under the network's defaults, and the defaults' derivation. */
@Command(
    name = "economics",
    mixinStandardHelpOptions = true,
    description = {
        "Economic security of the default network parameters: simulates 10,000 runners, 500 verifiers and 10 million "
            + "jobs with the measured detection rates, finds the least audit rate at which every cheat loses, the "
            + "verifiers' return, the collusion a jury withstands, and derives the defaults.",
        "Writes economics.md and PNG plots into --out. Exit 0 only if no cheat pays, verifiers profit and the "
            + "defaults equal the derivation."})
public final class BenchEconomicsCommand implements Callable<Integer> {
    @Mixin
    ReportOptions output;

    @Option(names = "--quick", description = "Simulate 1,000 runners and one million jobs (same analysis, same verdicts).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: ${DEFAULT-VALUE}).",
        defaultValue = "target/economics")
    Path out;

    @Option(names = "--fees", paramLabel = "FILE", description = "Fees JSON (the output of `cocoon bench fees --json`, "
        + "in the evidence file's fees format) instead of the provisional fees.")
    Path fees;

    @Option(names = "--seed", description = "Seeds the job sample and the simulation (default: ${DEFAULT-VALUE}).",
        defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws Exception {
        Evidence evidence = fees == null ? Evidence.bundled() : Evidence.bundled().withFees(fees);
        EconomicsBench.Findings findings = EconomicsBench.run(NetworkParams.DEFAULTS, evidence,
            new EconomicsBench.Options(quick, seed));
        Path report = ReportWriter.write(findings, out);
        System.err.println("report: " + report.toAbsolutePath());
        Map<String, Object> fields = findings.toMap();
        fields.put("report", report.toAbsolutePath().toString());
        boolean ok = !findings.cheatProfitable() && !findings.simulatedCheatProfitable() && findings.verifierProfitable()
            && Boolean.TRUE.equals(fields.get("defaults_match_derivation"));
        fields.put("ok", ok);
        output.print(fields);
        return ok ? 0 : 1;
    }
}

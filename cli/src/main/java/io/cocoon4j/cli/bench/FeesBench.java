package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.wrappers.network.FeeScenarios;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cocoon bench fees}: the TON that all parties together pay the chain for one job on the
 * protocol contracts, each scenario on a fresh LocalChain (see {@link FeeScenarios}), with the
 * most gas each contract operation used. Fees are deterministic: no repetition is needed.
 */
@Command(name = "fees", mixinStandardHelpOptions = true,
        description = "Fees of an unchallenged job and of a challenge the runner wins or loses, and gas per operation.")
public final class FeesBench implements Callable<Integer> {
    /** Issue #8's target for an unchallenged job. */
    static final String TARGET_TON = "0.03";

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        FeeScenarios.Report r = new FeeScenarios(NetworkParams.DEFAULTS).run();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "fees");
        report.put("unchallenged_fees_ton", FeeScenarios.Report.ton(r.unchallenged()));
        report.put("runner_wins_fees_ton", FeeScenarios.Report.ton(r.runnerWins()));
        report.put("runner_loses_fees_ton", FeeScenarios.Report.ton(r.runnerLoses()));
        report.put("unchallenged_target_ton", TARGET_TON);
        report.put("unchallenged_within_target",
                FeeScenarios.Report.ton(r.unchallenged()).compareTo(new java.math.BigDecimal(TARGET_TON)) <= 0);
        report.put("gas", r.gas());
        report.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        output.print(report);
        return 0;
    }
}

package io.cocoon4j.wrappers.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.protocol.params.NetworkParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures every handler's gas in the three fee scenarios and checks it against the gas::*
 * constant the contracts use to demand fees: a handler that outgrows its constant would let a
 * message through that cannot pay for itself.
 */
class GasBudgetTest {
    /** Which constant bounds which "contract.operation" of FeeScenarios' gas table. */
    private static final Map<String, String> BOUND = Map.ofEntries(
            Map.entry("root.create_job", "root_create_job"),
            Map.entry("root.register_operator", "root_register"),
            Map.entry("root.draw_jury", "root_draw_jury"),
            Map.entry("root.verifier_join", "root_registry"),
            Map.entry("root.receive", "root_receive"),
            Map.entry("job.job_init", "job_init"),
            Map.entry("job.accept", "job_accept"),
            Map.entry("job.lock_ok", "job_lock_ok"),
            Map.entry("job.commit", "job_commit"),
            Map.entry("job.challenge", "job_accept"),
            Map.entry("job.runner_seed", "job_step"),
            Map.entry("job.reveal_seed", "job_step"),
            Map.entry("job.jury_drawn", "job_step"),
            Map.entry("job.vote_commit", "job_step"),
            Map.entry("job.vote_reveal", "job_step"),
            Map.entry("job.finalize", "job_verdict"),
            Map.entry("operator.operator_init", "operator_init"),
            Map.entry("operator.lock_stake", "operator_lock"),
            Map.entry("operator.lock_bond", "operator_lock"),
            Map.entry("operator.release", "operator_release"),
            Map.entry("operator.fine", "operator_release"),
            Map.entry("operator.slash", "operator_slash"));

    @Test
    void everyHandlerStaysWithinTheGasItsSenderPrepays() {
        FeeScenarios.Report report = new FeeScenarios(NetworkParams.DEFAULTS).run();
        assertThat(report.gas()).containsKeys("job.accept", "job.commit", "job.finalize", "root.draw_jury",
                "operator.slash", "operator.release", "job.vote_reveal");
        for (Map.Entry<String, Long> e : report.gas().entrySet()) {
            String bound = BOUND.get(e.getKey());
            assertThat(bound).as("a gas bound for %s", e.getKey()).isNotNull();
            int jury = NetworkParams.DEFAULTS.jury().size();
            long limit = GasBudget.of(bound) + switch (e.getKey()) {
                case "operator.slash" -> GasBudget.of("per_payout") * (jury + 3);
                case "job.finalize", "root.draw_jury" -> GasBudget.of("per_juror") * jury;
                default -> 0L;
            };
            assertThat(e.getValue()).as("gas of %s (bound gas::%s)", e.getKey(), bound).isLessThanOrEqualTo(limit);
        }
        // a dispute costs more than an unchallenged job, and every scenario costs something
        assertThat(report.unchallenged()).isPositive();
        assertThat(report.runnerWins()).isGreaterThan(report.unchallenged());
        assertThat(report.runnerLoses()).isGreaterThan(report.unchallenged());
        System.out.println("fees (nanoton): unchallenged " + report.unchallenged() + ", runner wins "
                + report.runnerWins() + ", runner loses " + report.runnerLoses() + "; gas " + report.gas());
    }
}

package io.cocoon4j.economics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    @Test
    void withoutFollowUpsTheAuditedShareIsTheEffectiveRate() {
        assertThat(AuditChain.of(0.02, 0, 0.5, 0.9).auditedShare()).isCloseTo(0.018, within(1e-15));
    }

    @Test
    void stationaryShareMatchesTheChainPlayedJobByJob() {
        double rate = 0.03;
        int followUps = 4;
        double hit = 0.35;
        double effective = 0.8;
        SplittableRandom rnd = new SplittableRandom(7);
        int pending = 0;
        long audited = 0;
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            boolean audit;
            if (pending > 0) {
                pending--;
                audit = rnd.nextDouble() < effective;
            } else {
                audit = rnd.nextDouble() < rate * effective;
            }
            if (audit) {
                audited++;
                if (rnd.nextDouble() < hit) {
                    pending = followUps;
                }
            }
        }
        assertThat(AuditChain.of(rate, followUps, hit, effective).auditedShare()).isCloseTo((double) audited / n, within(1.5e-3));
    }

    @Test
    void aRunnerThatIsAlwaysHitIsAlwaysAudited() {
        assertThat(AuditChain.of(0.01, 5, 1, 1).auditedShare()).isCloseTo(1, within(0.03));
    }
}

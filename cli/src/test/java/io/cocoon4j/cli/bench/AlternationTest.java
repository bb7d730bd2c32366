package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternationTest {
    @Test
    void eachSideRunsFirstInHalfTheRoundsWithEqualBatches() throws Exception {
        StringBuilder order = new StringBuilder();
        Alternation.Timing t = Alternation.time(1, 4, 2, () -> order.append('A'), () -> order.append('B'));
        // Warm-up round, then rounds A B, B A, A B, B A; two operations per side and round.
        assertThat(order).hasToString("AABB" + "AABB" + "BBAA" + "AABB" + "BBAA");
        assertThat(t.a()).hasSize(4);
        assertThat(t.b()).hasSize(4);
        assertThat(t.aFirst()).isEqualTo(2);
    }

    @Test
    void timesAreWhatEachSideTook() throws Exception {
        List<Long> unused = new ArrayList<>();
        Alternation.Timing t = Alternation.time(0, 3, 1, () -> {
            Thread.sleep(20);
            return null;
        }, () -> unused.add(1L));
        // Only orders of magnitude: a 20 ms sleep against an append.
        assertThat(t.medianA()).isGreaterThan(15e6);
        assertThat(t.medianB()).isLessThan(5e6);
        assertThat(t.meanA()).isGreaterThan(t.meanB());
    }

    @Test
    void nonsenseCountsAreRefused() {
        assertThatThrownBy(() -> Alternation.time(0, 0, 1, () -> null, () -> null))
            .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.cocoon4j.economics.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProportionTest {
    @Test
    void noEventsInNTrialsBoundsTheRateByTheExactFormula() {
        // P(0 events | p) = (1 - p)^n = 0.025 at the upper bound.
        assertThat(new Proportion(0, 1240).upper()).isCloseTo(1 - Math.pow(0.025, 1.0 / 1240), within(1e-9));
        assertThat(new Proportion(0, 1240).lower()).isZero();
    }

    @Test
    void matchesPublishedClopperPearsonIntervals() {
        // 34/40: 0.702-0.943; 3/30: 0.0211-0.265 (exact binomial intervals, as R's binom.test gives them).
        assertThat(new Proportion(34, 40).lower()).isCloseTo(0.7016, within(5e-4));
        assertThat(new Proportion(34, 40).upper()).isCloseTo(0.9429, within(5e-4));
        assertThat(new Proportion(3, 30).lower()).isCloseTo(0.0211, within(5e-4));
        assertThat(new Proportion(3, 30).upper()).isCloseTo(0.2653, within(5e-4));
    }

    @Property(tries = 60)
    void boundsAreMirrorImagesAndContainTheRate(@ForAll @IntRange(min = 1, max = 300) int n,
                                                @ForAll @IntRange(min = 0, max = 300) int k0) {
        int k = k0 % (n + 1);
        Proportion p = new Proportion(k, n);
        assertThat(p.lower()).isLessThanOrEqualTo(p.rate() + 1e-12);
        assertThat(p.upper()).isGreaterThanOrEqualTo(p.rate() - 1e-12);
        assertThat(p.lower()).isCloseTo(1 - new Proportion(n - k, n).upper(), within(1e-9));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new Proportion(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Proportion(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.cocoon4j.protocol.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SplitMix64DrawsTest {

    @Test
    void matchesTheReferenceSplitMix64Output() {
        // The published first output of SplitMix64 seeded with 0.
        assertThat(new SplitMix64Draws(0).next64(0)).isEqualTo(0xe220a8397b1dcdafL);
    }

    @Property(tries = 50)
    void isTheSameSequenceAsTheJdksSplitMix64(@ForAll long seed) {
        // java.util.SplittableRandom(seed) is SplitMix64 with the golden gamma: an independent implementation.
        SplittableRandom reference = new SplittableRandom(seed);
        SplitMix64Draws draws = new SplitMix64Draws(seed);
        for (int i = 0; i < 20; i++) {
            assertThat(draws.next64(i)).isEqualTo(reference.nextLong());
        }
    }

    @Property(tries = 50)
    void drawsAreInTheUnitInterval(@ForAll long seed) {
        SplitMix64Draws draws = new SplitMix64Draws(seed);
        for (int i = 0; i < 100; i++) {
            assertThat(draws.uniform(i)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void aNegativePositionIsRefused() {
        assertThatThrownBy(() -> new SplitMix64Draws(1).uniform(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoresTest {
    private final Scores s = Scores.of(new int[] {2, 0}, 3, new float[] {0.5f, 1.5f, 1.25f, 3f, 3f, -1f});

    @Test
    void rowStatistics() {
        assertThat(s.rows()).isEqualTo(2);
        assertThat(s.claimedLogit(0)).isEqualTo(1.25f);
        assertThat(s.argmax(0)).isEqualTo(1);
        assertThat(s.maxLogit(0)).isEqualTo(1.5f);
        assertThat(s.top2Gap(0)).isEqualTo(0.25f);
        // A tie: lowest id wins, the gap is zero.
        assertThat(s.argmax(1)).isEqualTo(0);
        assertThat(s.top2Gap(1)).isZero();
        assertThat(s.row(1)).containsExactly(3f, 3f, -1f);
    }

    @Test
    void outOfRangeAccessIsATypedError() {
        assertThatThrownBy(() -> s.row(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.logit(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Scores.of(new int[] {1}, 3, new float[2])).isInstanceOf(IllegalArgumentException.class);
    }
}

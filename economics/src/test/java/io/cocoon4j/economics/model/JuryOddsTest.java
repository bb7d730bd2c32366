package io.cocoon4j.economics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cocoon4j.protocol.params.NetworkParams;
import org.junit.jupiter.api.Test;

class JuryOddsTest {
    private static final NetworkParams.Jury FIVE = new NetworkParams.Jury(5, 3, 1, 1);

    @Test
    void hypergeometricProbabilitiesSumToOne() {
        double sum = 0;
        for (int k = 0; k <= 5; k++) {
            sum += JuryOdds.hypergeometric(500, 60, 5, k);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
    }

    @Test
    void noColludersNeverSwayAJuryAndAllColludersAlwaysDo() {
        assertThat(JuryOdds.failure(FIVE, 500, 0, true)).isZero();
        assertThat(JuryOdds.failure(FIVE, 500, 500, true)).isCloseTo(1, within(1e-12));
    }

    @Test
    void aMajorityOfFiveNeedsThreeColluders() {
        // With replacement this would be P(Bin(5, 0.1) >= 3) = 0.00856; without replacement from 500 it is a little less.
        double p = JuryOdds.failure(FIVE, 500, 50, true);
        assertThat(p).isBetween(0.0080, 0.00856);
        assertThat(JuryOdds.thresholdShare(FIVE, 500, 0.5, true)).isCloseTo(0.5, within(0.005));
    }

    @Test
    void largerJuriesFailLessBelowHalf() {
        NetworkParams.Jury nine = new NetworkParams.Jury(9, 5, 1, 1);
        assertThat(JuryOdds.failure(nine, 500, 100, true)).isLessThan(JuryOdds.failure(FIVE, 500, 100, true));
    }
}

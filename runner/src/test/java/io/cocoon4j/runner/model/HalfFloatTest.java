package io.cocoon4j.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

class HalfFloatTest {
    @Test
    void exactValuesRoundTrip() {
        assertThat(HalfFloat.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(HalfFloat.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(HalfFloat.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(HalfFloat.fromFloat(1e6f)).isEqualTo((short) 0x7c00);
        assertThat(HalfFloat.fromFloat(0x1.0p-24f)).isEqualTo((short) 0x0001);
        assertThat(HalfFloat.toFloat((short) 0x3555)).isEqualTo(0.33325195f);
    }

    @Test
    void tiesRoundToEven() {
        // 1 + 2^-11 lies halfway between 1 and the next half (1 + 2^-10): even mantissa wins.
        assertThat(HalfFloat.fromFloat(1f + 0x1.0p-11f)).isEqualTo((short) 0x3c00);
        assertThat(HalfFloat.fromFloat(1f + 3 * 0x1.0p-11f)).isEqualTo((short) 0x3c02);
    }

    @Property
    void roundingErrorIsAtMostHalfAnUlp(@ForAll @FloatRange(min = -60000f, max = 60000f) float x) {
        float back = HalfFloat.toFloat(HalfFloat.fromFloat(x));
        float ulp = Math.max(Math.ulp(back), 0x1.0p-24f) * (1 << 13);
        assertThat((double) Math.abs(back - x)).isLessThanOrEqualTo(Math.max(ulp / 2, 0x1.0p-25));
    }

    @Property
    void q8BlocksReconstructWithinHalfAStep(@ForAll @FloatRange(min = -3f, max = 3f) float a,
                                            @ForAll @FloatRange(min = -3f, max = 3f) float b) {
        float[] v = new float[32];
        for (int i = 0; i < 32; i++) {
            v[i] = a + (b - a) * i / 31f;
        }
        ByteBuffer buf = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
        Q8Block.quantize(v, 32, buf);
        float amax = Math.max(Math.abs(a), Math.abs(b));
        for (int i = 0; i < 32; i++) {
            float back = Q8Block.dequantize(buf.array(), 0, i);
            assertThat((double) Math.abs(back - v[i])).isLessThanOrEqualTo(amax / 127 * 0.51 + amax * 1e-3);
        }
    }
}

package io.cocoon4j.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;

class OperatorAddressTest {

    private static final String RAW = "0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8";

    @Test
    void everySpellingOfOneAccountBindsTheSame() {
        Address a = Address.of(RAW);
        OperatorAddress raw = OperatorAddress.parse(RAW);
        assertThat(OperatorAddress.parse(a.toBounceable())).isEqualTo(raw);
        assertThat(OperatorAddress.parse(a.toNonBounceableTestnet())).isEqualTo(raw);
        assertThat(OperatorAddress.of(a)).isEqualTo(raw);
        assertThat(raw.toString()).isEqualTo(RAW);
    }

    @Test
    void encodingIsWorkchainInt32ThenHash() {
        OperatorAddress master = OperatorAddress.parse("-1:" + "ab".repeat(32));
        byte[] e = master.encode();
        assertThat(HexFormat.of().formatHex(e)).isEqualTo("ffffffff" + "ab".repeat(32));
        assertThat(OperatorAddress.decode(e)).isEqualTo(master);
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> OperatorAddress.parse("not an address")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a TON address");
        for (String bad : new String[] {"", "0:abc", "5:" + "00".repeat(32), "EQ" + "A".repeat(46), "0:" + "zz".repeat(32)}) {
            assertThatThrownBy(() -> OperatorAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> OperatorAddress.decode(new byte[35])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OperatorAddress(0, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.cocoon4j.tlb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.tlb.gen.GetMethods;
import io.cocoon4j.tlb.gen.GetMethods.Item;
import io.cocoon4j.tlb.schema.TlbSchemaException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The get-method comment block next to a schema. */
class GetMethodsTest {

    @Test
    void readsTheBlockAndStopsAtTheFirstOtherLine() {
        String text = String.join("\n",
                "// counter",
                "// not -> a getter: no block opened yet",
                "// Get-methods (no TL-B; name -> result on the TVM stack):",
                "//   get_counter    -> counter:uint64",
                "//   get_owner      -> owner:MsgAddressInt (a slice)",
                "//   get_balance(who:MsgAddressInt, at:uint32) -> amount:Coins last:uint32",
                "",
                "//   after_the_block -> x:uint8",
                "a$0 = A;");
        List<GetMethods.GetMethod> gs = GetMethods.parse("c.tlb", text);
        assertThat(gs).extracting(GetMethods.GetMethod::name).containsExactly("get_counter", "get_owner", "get_balance");
        assertThat(gs.get(1).results()).containsExactly(new Item("owner", "MsgAddressInt"));
        assertThat(gs.get(2).args()).containsExactly(new Item("who", "MsgAddressInt"), new Item("at", "uint32"));
        assertThat(gs.get(2).results()).containsExactly(new Item("amount", "Coins"), new Item("last", "uint32"));
        assertThat(gs.get(2).pos().toString()).isEqualTo("c.tlb:6:6");
    }

    @Test
    void aMalformedItemIsReportedWhereItIs() {
        assertThatThrownBy(() -> GetMethods.parse("c.tlb", "// Get-methods:\n//  get_x -> x uint8\n"))
                .isInstanceOf(TlbSchemaException.class)
                .hasMessage("c.tlb:2:5: get-method item 'x' is not name:Type");
    }
}

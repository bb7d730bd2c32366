package io.cocoon4j.tlb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.tlb.schema.Constructor;
import io.cocoon4j.tlb.schema.ImplicitTag;
import io.cocoon4j.tlb.schema.SchemaParser;
import org.junit.jupiter.api.Test;

/** The tlbc normal form and its CRC32, checked against op codes TEP-74 publishes with their derivation. */
class ImplicitTagTest {

    private static Constructor only(String decl) {
        return SchemaParser.parse("test.tlb", decl).constructors().get(0);
    }

    @Test
    void tep74TransferWithoutItsTagHashesToThePublishedCrc() {
        Constructor c = only("transfer query_id:uint64 amount:(VarUInteger 16) destination:MsgAddress\n"
                + "  response_destination:MsgAddress custom_payload:(Maybe ^Cell)\n"
                + "  forward_ton_amount:(VarUInteger 16) forward_payload:(Either Cell ^Cell) = InternalMsgBody;");
        assertThat(ImplicitTag.normalForm(c)).isEqualTo("transfer query_id:uint64 amount:VarUInteger 16 "
                + "destination:MsgAddress response_destination:MsgAddress custom_payload:Maybe ^Cell "
                + "forward_ton_amount:VarUInteger 16 forward_payload:Either Cell ^Cell = InternalMsgBody");
        assertThat(c.explicitTag()).isFalse();
        assertThat(c.tag().bits()).isEqualTo(32);
        // TEP-74: crc32(...) = 0x8f8a7ea5; the standard publishes the op code with the top bit cleared
        assertThat(c.tag().value()).isEqualTo(0x8f8a7ea5L);
        assertThat(c.tag().value() & 0x7fffffffL).isEqualTo(0x0f8a7ea5L);
    }

    @Test
    void otherTep74OpCodesFollowFromTheirDeclarations() {
        assertThat(only("transfer_notification query_id:uint64 amount:(VarUInteger 16) sender:MsgAddress "
                + "forward_payload:(Either Cell ^Cell) = InternalMsgBody;").tag().value() & 0x7fffffffL)
                .isEqualTo(0x7362d09cL);
        // excesses is published with the top bit set: crc32 = 0x553276db | 0x80000000
        assertThat(only("excesses query_id:uint64 = InternalMsgBody;").tag().value()).isEqualTo(0x553276dbL);
        assertThat(only("burn query_id:uint64 amount:(VarUInteger 16) response_destination:MsgAddress "
                + "custom_payload:(Maybe ^Cell) = InternalMsgBody;").tag().value() & 0x7fffffffL)
                .isEqualTo(0x595f07bcL);
    }

    /**
     * Constructors of TON's block.tlb (crypto/block/block.tlb, quoted as published) whose written
     * tags are exactly what tlbc computes: the normal form must reproduce them, including an
     * anonymous {@code ^[ ... ]} cell and unnamed fields.
     */
    @Test
    void reproducesTagsWrittenInBlockTlb() {
        String[] decls = {
            "action_set_code#ad4de08e new_code:^Cell = OutAction;",
            "action_reserve_currency#36e6b809 mode:(## 8)\n  currency:CurrencyCollection = OutAction;",
            "action_change_library#26fa1dd4 mode:(## 7)\n  libref:LibRef = OutAction;",
            "split_state#5f327da5 left:^ShardStateUnsplit right:^ShardStateUnsplit = ShardState;",
            "value_flow#b8e48dfb ^[ from_prev_blk:CurrencyCollection \n  to_next_blk:CurrencyCollection\n"
                + "  imported:CurrencyCollection\n  exported:CurrencyCollection ]\n  fees_collected:CurrencyCollection\n"
                + "  ^[\n  fees_imported:CurrencyCollection\n  recovered:CurrencyCollection\n"
                + "  created:CurrencyCollection\n  minted:CurrencyCollection\n  ] = ValueFlow;",
        };
        for (String d : decls) {
            Constructor c = only(d);
            assertThat(ImplicitTag.crc32(ImplicitTag.normalForm(c))).as(ImplicitTag.normalForm(c))
                    .isEqualTo(c.tag().value());
        }
        assertThat(ImplicitTag.normalForm(only(decls[4]))).isEqualTo("value_flow ^[ from_prev_blk:CurrencyCollection "
                + "to_next_blk:CurrencyCollection imported:CurrencyCollection exported:CurrencyCollection ] "
                + "fees_collected:CurrencyCollection ^[ fees_imported:CurrencyCollection recovered:CurrencyCollection "
                + "created:CurrencyCollection minted:CurrencyCollection ] = ValueFlow");
    }

    @Test
    void explicitTagsAreKeptAndNotRecomputed() {
        Constructor c = only("transfer#0f8a7ea5 query_id:uint64 = InternalMsgBody;");
        assertThat(c.explicitTag()).isTrue();
        assertThat(c.tag().value()).isEqualTo(0x0f8a7ea5L);
        assertThat(only("addr_std$10 x:bits256 = A;").tag().binary()).isEqualTo("10");
        assertThat(only("a#_ x:# = A;").tag().bits()).isZero();
        assertThat(only("a$_ x:# = A;").tag().bits()).isZero();
        // completion tag: #8_ is the single bit 1... trailing zeros and the last one dropped
        assertThat(only("a#a_ x:# = A;").tag().binary()).isEqualTo("10");
        assertThat(only("_ x:# = A;").tag().bits()).isZero();
    }

    @Test
    void normalFormDropsBracesAndTurnsComparisonsRound() {
        Constructor c = only("anycast_info depth:(#<= 30) { depth >= 1 } rewrite_pfx:(bits depth) = Anycast;");
        assertThat(ImplicitTag.normalForm(c))
                .isEqualTo("anycast_info depth:#<= 30 <= 1 depth rewrite_pfx:bits depth = Anycast");
        Constructor v = only("var_uint {n:#} len:(#< n) value:(uint (len * 8)) = VarUInteger n;");
        assertThat(ImplicitTag.normalForm(v)).isEqualTo("var_uint n:# len:#< n value:uint 8 * len = VarUInteger n");
        Constructor u = only("unary_succ {n:#} x:(Unary ~n) = Unary ~(n + 1);");
        assertThat(ImplicitTag.normalForm(u)).isEqualTo("unary_succ n:# x:Unary ~n = Unary ~~n + 1");
        Constructor anon = only("a x:^[ y:uint8 z:uint8 ] _:Cell = A;");
        assertThat(ImplicitTag.normalForm(anon)).isEqualTo("a x:^[ y:uint8 z:uint8 ] Cell = A");
        Constructor cond = only("c flags:(## 8) x:flags.0?uint32 n:# v:(n * Bit) = C;");
        assertThat(ImplicitTag.normalForm(cond)).isEqualTo("c flags:## 8 x:flags.0?uint32 n:# v:n * Bit = C");
    }
}

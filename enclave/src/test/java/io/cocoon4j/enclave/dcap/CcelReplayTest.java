package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.enclave.dcap.ccel.CcEventLog;
import io.cocoon4j.enclave.dcap.ccel.CcelTable;
import io.cocoon4j.enclave.dcap.ccel.EventLogFormatException;
import io.cocoon4j.enclave.dcap.quote.Quote;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Replaying the real guest's CCEL event log reproduces the RTMRs in its real quote. */
class CcelReplayTest {

    @Test
    void realTableDescribesATdxLogArea() throws Exception {
        CcelTable t = CcelTable.parse(RealTestData.read("ccel_table.dat"));
        assertThat(t.ccType()).isEqualTo(CcelTable.CC_TYPE_TDX);
        assertThat(t.logAreaMinimumLength()).isEqualTo(RealTestData.read("ccel_data.dat").length);
    }

    @Test
    void replayingTheRealLogReproducesTheQuotesRtmrs() throws Exception {
        CcEventLog log = CcEventLog.parse(RealTestData.read("ccel_data.dat"));
        Quote quote = Quote.parse(RealTestData.read("cos-113-tdx-quote.dat"));
        assertThat(log.events()).hasSizeGreaterThan(10);
        assertThat(log.mismatchedRtmrs(quote.report())).isEmpty();
        assertThat(log.replayRtmrs().get(0)).isEqualTo(quote.report().rtmr(0));
        // and the quote carrying them is genuine
        Verdict v = QuoteVerifier.intel().verifySignaturesOnly(RealTestData.read("cos-113-tdx-quote.dat"),
            java.time.Instant.parse("2024-08-01T00:00:00Z"));
        assertThat(v.signatureValid()).as(v.summary()).isTrue();
        assertThat(RealTestData.read("nonce.dat")).isEqualTo(quote.report().reportData());
    }

    @Test
    void alteringAnyMeasuredDigestChangesItsRtmr() throws Exception {
        byte[] original = RealTestData.read("ccel_data.dat");
        Quote quote = Quote.parse(RealTestData.read("cos-113-tdx-quote.dat"));
        // every extended event whose digest occurs once in the log, so the flipped byte is that event's
        var measured = CcEventLog.parse(original).events().stream().filter(e -> e.eventType() != 3 && e.mrIndex() > 0)
            .filter(e -> occurrences(original, e.digests().get(CcEventLog.SHA384)) == 1).toList();
        assertThat(measured).hasSizeGreaterThan(5);
        for (var event : measured) {
            byte[] data = original.clone();
            data[indexOf(data, event.digests().get(CcEventLog.SHA384))] ^= 1;
            assertThat(CcEventLog.parse(data).mismatchedRtmrs(quote.report())).containsExactly(event.mrIndex() - 1);
        }
    }

    @Property(tries = 100)
    void garbageLogsAreRejectedCleanly(@ForAll @Size(max = 2000) byte[] garbage) {
        try {
            CcEventLog.parse(garbage);
        } catch (EventLogFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void truncatedLogOrBadTableIsNamed() {
        byte[] data = RealTestData.read("ccel_data.dat");
        assertThatThrownBy(() -> CcEventLog.parse(Arrays.copyOf(data, 100))).isInstanceOf(EventLogFormatException.class);
        byte[] table = RealTestData.read("ccel_table.dat");
        table[40] ^= 1;
        assertThatThrownBy(() -> CcelTable.parse(table)).hasMessageContaining("checksum");
    }

    private static int occurrences(byte[] hay, byte[] needle) {
        int n = 0;
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("digest not found");
    }
}

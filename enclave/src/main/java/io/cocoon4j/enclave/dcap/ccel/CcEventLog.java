package io.cocoon4j.enclave.dcap.ccel;

import io.cocoon4j.enclave.dcap.quote.TdReport;
import io.cocoon4j.enclave.dcap.quote.LittleEndianReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TDX confidential-computing event log (TCG crypto-agile format, as in the CCEL ACPI table's
 * log area): a Spec ID header event followed by events, each naming the measurement register
 * it extended (1-4 = RTMR0-3) and its digests. {@link #replayRtmrs()} recomputes the RTMRs so
 * they can be compared with a quote's TD report: that is what makes each event attested.
 */
public record CcEventLog(Map<Integer, Integer> digestSizes, List<Event> events) {
    public static final int SHA384 = 0x000c;
    static final long EV_NO_ACTION = 0x3;

    /**
     * One measured event.
     *
     * @param mrIndex CC measurement register index: 0 = MRTD, 1..4 = RTMR0..3
     * @param eventType TCG event type
     * @param digests digest per TCG algorithm id
     * @param data the event data
     */
    public record Event(int mrIndex, long eventType, Map<Integer, byte[]> digests, byte[] data) {}

    /** Parses a log; trailing 0xFF or 0x00 fill of the log area ends it. */
    public static CcEventLog parse(byte[] log) throws EventLogFormatException {
        LittleEndianReader<EventLogFormatException> r = new LittleEndianReader<>(log, EventLogFormatException::new);
        r.u32("header MR index");
        long headerType = r.u32("header event type");
        if (headerType != EV_NO_ACTION) {
            throw new EventLogFormatException("the first event is type " + headerType + ", not the Spec ID event (3)");
        }
        r.bytes(20, "header SHA-1 digest");
        byte[] spec = r.bytes(r.u32("header event size"), "Spec ID event");
        Map<Integer, Integer> sizes = specIdDigestSizes(spec);
        List<Event> events = new ArrayList<>();
        while (r.remaining() >= 8 && !r.restIs(0xff) && !r.restIs(0x00)) {
            long mr = r.u32("MR index");
            long type = r.u32("event type");
            long count = r.u32("digest count");
            if (count == 0 || count > sizes.size()) {
                throw new EventLogFormatException("event " + events.size() + " has " + count + " digests; the log declares " + sizes.size() + " algorithms");
            }
            Map<Integer, byte[]> digests = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int alg = r.u16("digest algorithm");
                Integer size = sizes.get(alg);
                if (size == null) {
                    throw new EventLogFormatException(String.format("event %d uses undeclared algorithm 0x%04x", events.size(), alg));
                }
                digests.put(alg, r.bytes(size, "digest"));
            }
            byte[] data = r.bytes(r.u32("event size"), "event data");
            if (mr > 4) {
                throw new EventLogFormatException("event " + events.size() + " names MR index " + mr + " (0..4 exist)");
            }
            events.add(new Event((int) mr, type, digests, data));
        }
        return new CcEventLog(Map.copyOf(sizes), List.copyOf(events));
    }

    private static Map<Integer, Integer> specIdDigestSizes(byte[] spec) throws EventLogFormatException {
        LittleEndianReader<EventLogFormatException> s = new LittleEndianReader<>(spec, EventLogFormatException::new);
        String sig = new String(s.bytes(16, "Spec ID signature"), StandardCharsets.US_ASCII);
        if (!sig.startsWith("Spec ID Event03")) {
            throw new EventLogFormatException("the header event is not \"Spec ID Event03\"");
        }
        s.u32("platform class");
        s.bytes(4, "spec version and uintn size");
        long n = s.u32("number of algorithms");
        if (n == 0 || n > 16) {
            throw new EventLogFormatException("the Spec ID event declares " + n + " algorithms");
        }
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int alg = s.u16("algorithm id");
            int size = s.u16("digest size");
            if (size == 0 || size > 64) {
                throw new EventLogFormatException("digest size " + size + " for algorithm " + alg);
            }
            sizes.put(alg, size);
        }
        if (!sizes.containsKey(SHA384) || sizes.get(SHA384) != 48) {
            throw new EventLogFormatException("the log has no SHA-384 digests, so it cannot be replayed into RTMRs");
        }
        return sizes;
    }

    /** RTMR0..3 as the events extend them: RTMR = SHA-384(RTMR ‖ digest), from 48 zero bytes. */
    public List<byte[]> replayRtmrs() {
        try {
            byte[][] rtmr = new byte[4][48];
            MessageDigest md = MessageDigest.getInstance("SHA-384");
            for (Event e : events) {
                if (e.eventType() == EV_NO_ACTION || e.mrIndex() == 0) {
                    continue; // not extended (EV_NO_ACTION), or MRTD which is built, not extended
                }
                md.update(rtmr[e.mrIndex() - 1]);
                md.update(e.digests().get(SHA384));
                rtmr[e.mrIndex() - 1] = md.digest();
            }
            return List.of(rtmr[0], rtmr[1], rtmr[2], rtmr[3]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indexes (0..3) of the RTMRs whose replayed value differs from the TD report's. */
    public List<Integer> mismatchedRtmrs(TdReport report) {
        List<byte[]> replayed = replayRtmrs();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (!Arrays.equals(replayed.get(i), report.rtmr(i))) {
                out.add(i);
            }
        }
        return out;
    }
}

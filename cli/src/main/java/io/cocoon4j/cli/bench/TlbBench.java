package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon bench tlb}: what the generated, checked TL-B codecs cost against hand-written
 * ton4j code doing the same reads and writes, in the same JVM. Workloads: decode the counter's
 * storage cell and an {@code increment} body, and encode them again.
 *
 * <p>Like for like: both sides produce the same value (decoders build the same record, the
 * hand-written one dispatching on the message tag as any decoder of a union must; encoders the
 * same cell), which the bench checks before timing; what differs is only the generated side's
 * range, tag and end-of-cell checks. The sides run in alternating order, round by round.
 */
@Command(name = "tlb", mixinStandardHelpOptions = true,
        description = "Generated TL-B codecs vs hand-written ton4j reads/writes: ns per operation and ratios.")
public final class TlbBench implements Callable<Integer> {
    private static final long INCREMENT_TAG = 0x35e6e778L;
    private static final int ROUNDS = 10;

    @Option(names = "--quick", description = "Fewer iterations (a smoke run, noisier figures).")
    boolean quick;

    @Option(names = "--operations", paramLabel = "N",
            description = "Operations per side and workload (default 200000, --quick 20000).")
    Integer operations;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws Exception {
        int n = operations != null ? operations : quick ? 20_000 : 200_000;
        if (n < ROUNDS || n > 100_000_000) {
            throw new IllegalArgumentException("--operations must be between " + ROUNDS + " and 100000000");
        }
        Address owner = Address.of("0:" + "5a".repeat(32));
        byte[] key = new byte[32];
        CounterStorage storage = new CounterStorage(MsgAddress.of(owner), Bits.of(key), 17, 3,
                BigInteger.valueOf(123_456_789));
        Cell storageCell = storage.toCell();
        CounterMsg.Increment increment = new CounterMsg.Increment(BigInteger.valueOf(42), 7);
        Cell incrementCell = increment.toCell();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "tlb");
        report.put("mode", quick ? "quick" : "full");
        report.put("operations", n);
        report.put("order", "alternating by round (" + ROUNDS + " rounds, half of them generated first)");
        boolean same = true;
        same &= compare(report, "decode_storage", n,
                () -> CounterStorage.fromCell(storageCell),
                () -> {
                    CellSlice s = CellSlice.beginParse(storageCell);
                    return new CounterStorage(MsgAddress.of(s.loadAddress()), Bits.of(s.loadBytes(256)),
                            s.loadUint(32).longValue(), s.loadUint(32).longValue(), s.loadUint(64));
                });
        same &= compare(report, "encode_storage", n,
                storage::toCell,
                () -> CellBuilder.beginCell().storeAddress(owner).storeBytes(key).storeUint(17, 32)
                        .storeUint(3, 32).storeUint(123_456_789L, 64).endCell());
        same &= compare(report, "decode_increment", n,
                () -> CounterMsg.fromCell(incrementCell),
                () -> {
                    CellSlice s = CellSlice.beginParse(incrementCell);
                    if (s.loadUint(32).longValue() != INCREMENT_TAG) {
                        throw new IllegalStateException("not an increment");
                    }
                    return new CounterMsg.Increment(s.loadUint(64), s.loadUint(32).longValue());
                });
        same &= compare(report, "encode_increment", n,
                increment::toCell,
                () -> CellBuilder.beginCell().storeUint(INCREMENT_TAG, 32).storeUint(42, 64).storeUint(7, 32).endCell());
        report.put("same_results", same);
        output.print(report);
        return same ? 0 : 1;
    }

    /** Checks that both sides produce the same value, then times them alternately; false if they differ. */
    private static boolean compare(Map<String, Object> report, String name, int n, Alternation.Op generated,
            Alternation.Op handWritten) throws Exception {
        Object g0 = generated.run();
        Object h0 = handWritten.run();
        boolean same = g0 instanceof Cell gc && h0 instanceof Cell hc
                ? Arrays.equals(gc.getHash(), hc.getHash())
                : g0.equals(h0);
        Alternation.Timing t = Alternation.time(2, ROUNDS, n / ROUNDS, generated, handWritten);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("generated_ns_per_op", Math.round(t.medianA()));
        r.put("hand_written_ns_per_op", Math.round(t.medianB()));
        r.put("ratio", Math.round(t.medianA() / t.medianB() * 100) / 100.0);
        r.put("same_result", same);
        report.put(name, r);
        System.err.println("bench tlb: " + name + " " + r);
        return same;
    }
}

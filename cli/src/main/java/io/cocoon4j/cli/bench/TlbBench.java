package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon bench tlb}: what the generated, checked TL-B codecs cost against hand-written
 * ton4j code doing the same reads and writes without checks, in the same JVM. Workloads: decode
 * the counter's storage cell and an {@code increment} body, and encode them again.
 */
@Command(name = "tlb", mixinStandardHelpOptions = true,
        description = "Generated TL-B codecs vs hand-written ton4j reads/writes: ns per operation and ratios.")
public final class TlbBench implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer iterations (a smoke run, noisier figures).")
    boolean quick;

    @Mixin
    ReportOptions output;

    private static volatile Object sink;

    @Override
    public Integer call() {
        int n = quick ? 20_000 : 200_000;
        Address owner = Address.of("0:" + "5a".repeat(32));
        CounterStorage storage = new CounterStorage(MsgAddress.of(owner), Bits.of(new byte[32]), 17, 3,
                BigInteger.valueOf(123_456_789));
        Cell storageCell = storage.toCell();
        CounterMsg.Increment increment = new CounterMsg.Increment(BigInteger.valueOf(42), 7);
        Cell incrementCell = increment.toCell();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "tlb");
        report.put("mode", quick ? "quick" : "full");
        report.put("operations", n);
        ratio(report, "decode_storage", n,
                () -> CounterStorage.fromCell(storageCell),
                () -> {
                    CellSlice s = CellSlice.beginParse(storageCell);
                    return new Object[] {s.loadAddress(), s.loadBits(256), s.loadUint(32), s.loadUint(32), s.loadUint(64)};
                });
        ratio(report, "encode_storage", n,
                storage::toCell,
                () -> CellBuilder.beginCell().storeAddress(owner).storeBytes(new byte[32]).storeUint(17, 32)
                        .storeUint(3, 32).storeUint(123_456_789L, 64).endCell());
        ratio(report, "decode_increment", n,
                () -> CounterMsg.fromCell(incrementCell),
                () -> {
                    CellSlice s = CellSlice.beginParse(incrementCell);
                    return new Object[] {s.loadUint(32), s.loadUint(64), s.loadUint(32)};
                });
        ratio(report, "encode_increment", n,
                increment::toCell,
                () -> CellBuilder.beginCell().storeUint(0x35e6e778L, 32).storeUint(42, 64).storeUint(7, 32).endCell());
        output.print(report);
        return 0;
    }

    private static void ratio(Map<String, Object> report, String name, int n, Supplier<Object> generated,
            Supplier<Object> handWritten) {
        // warm both up, then alternate two rounds each so that drift on a loaded machine hits both
        time(generated, n / 4);
        time(handWritten, n / 4);
        double g = Math.min(time(generated, n), time(generated, n));
        double h = Math.min(time(handWritten, n), time(handWritten, n));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("generated_ns_per_op", Math.round(g));
        r.put("hand_written_ns_per_op", Math.round(h));
        r.put("ratio", Math.round(g / h * 100) / 100.0);
        report.put(name, r);
        System.err.println("bench tlb: " + name + " " + r);
    }

    private static double time(Supplier<Object> op, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink = op.get();
        }
        return (System.nanoTime() - start) / (double) n;
    }
}

package io.cocoon4j.network.client;

import io.cocoon4j.chain.ChainMessage;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.chain.Trace;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

/**
 * Emulates an external message locally, in the JVM's emulator, against the account states a
 * network reports now (the sender's and those its messages reach), before it is sent for real: the
 * fee it will cost and whether anything in its trace fails. Storage fees since each account's last
 * payment are not counted.
 */
public final class Preflight {

    /**
     * What the emulation predicts.
     *
     * @param trace the emulated transactions (empty when the message would be rejected)
     * @param fees every fee of the trace, in nanotons
     * @param problem why sending would fail or lose money, if so
     */
    public record Result(List<ChainTransaction> trace, BigInteger fees, Optional<String> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private Preflight() {}

    /** A failed VM or action phase, or a bounce; a plain transfer to an empty account (no VM) is fine. */
    private static boolean failed(ChainTransaction t) {
        if (t.bounced()) {
            return true;
        }
        if (t.compute() instanceof ChainTransaction.ComputePhase.Skipped) {
            return false;
        }
        return !t.succeeded();
    }

    /** Emulates {@code external} against {@code network}'s current accounts. */
    public static Result emulate(TonChain network, Cell external) {
        ChainMessage m = Messages.parse(external);
        Address dest = m.destination().orElseThrow();
        try (LocalChain local = LocalChain.create()) {
            local.setNow(network.now());
            Set<Address> imported = new LinkedHashSet<>();
            local.putAccount(network.account(dest));
            imported.add(dest);
            Trace trace;
            // Pass one finds the accounts the trace reaches; pass two runs against their real states.
            for (int pass = 0; ; pass++) {
                LocalChain.Snapshot before = local.snapshot();
                try {
                    trace = local.sendExternal(external);
                } catch (MessageRejectedException e) {
                    return new Result(List.of(), BigInteger.ZERO, Optional.of("the wallet would reject the message: "
                            + e.getMessage()));
                }
                boolean more = false;
                for (ChainTransaction t : trace.transactions()) {
                    if (imported.add(t.account())) {
                        more = true;
                    }
                }
                if (!more || pass == 1) {
                    break;
                }
                local.restore(before);
                for (Address a : imported) {
                    if (!a.equals(dest)) {
                        local.putAccount(network.account(a));
                    }
                }
            }
            BigInteger fees = trace.transactions().stream().map(ChainTransaction::totalFees).reduce(BigInteger.ZERO, BigInteger::add);
            Optional<String> problem = trace.transactions().stream().filter(Preflight::failed).findFirst()
                    .map(t -> "the transaction on " + t.account().toRaw() + " would fail"
                            + t.exitCode().map(c -> " with exit code " + c).orElse(" (compute phase skipped)")
                            + (t.bounced() ? "; its value would bounce back minus fees" : ""));
            return new Result(trace.transactions(), fees, problem);
        }
    }
}

package io.cocoon4j.wrappers;

import io.cocoon4j.chain.Trace;
import org.ton.ton4j.address.Address;

/** A contract that should be active at an address is not: its deploy failed or never happened. */
public final class ContractDeployException extends RuntimeException {
    private final transient Trace trace;

    public ContractDeployException(String contract, Address address, Trace trace) {
        super("contract '" + contract + "' is not active at " + address.toRaw()
                + (trace == null ? "" : " after its deploy (" + trace.transactions().size() + " transactions, "
                        + (trace.allSucceeded() ? "all succeeded" : "some failed") + ")"));
        this.trace = trace;
    }

    /** The deploy's trace, or null when no deploy was attempted. */
    public Trace trace() {
        return trace;
    }
}

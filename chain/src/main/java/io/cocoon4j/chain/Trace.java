package io.cocoon4j.chain;

import java.util.List;
import java.util.Optional;
import org.ton.ton4j.address.Address;

/** Every transaction one sent message caused, in processing (logical-time) order; the first is the root. */
public record Trace(List<ChainTransaction> transactions) {

    public Trace {
        transactions = List.copyOf(transactions);
    }

    /** The transaction of the message that was sent. */
    public ChainTransaction root() {
        if (transactions.isEmpty()) {
            throw new IllegalStateException("empty trace");
        }
        return transactions.get(0);
    }

    /** Transactions of {@code account}, in order. */
    public List<ChainTransaction> on(Address account) {
        return transactions.stream().filter(t -> t.account().equals(account)).toList();
    }

    /** The first transaction of {@code account}, if it had one. */
    public Optional<ChainTransaction> first(Address account) {
        return transactions.stream().filter(t -> t.account().equals(account)).findFirst();
    }

    /** True when every transaction succeeded. */
    public boolean allSucceeded() {
        return transactions.stream().allMatch(ChainTransaction::succeeded);
    }

    /** External outbound messages (events, logs) emitted anywhere in the trace. */
    public List<ChainMessage> externalsOut() {
        return transactions.stream().flatMap(t -> t.outMessages().stream())
                .filter(m -> m.kind() == ChainMessage.Kind.EXTERNAL_OUT).toList();
    }
}

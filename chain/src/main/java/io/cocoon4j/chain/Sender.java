package io.cocoon4j.chain;

import java.util.List;
import org.ton.ton4j.address.Address;

/**
 * Something that sends internal messages on a chain: a wallet contract driven by its key. Typed
 * contract clients take a {@code Sender} for their {@code send…} methods.
 */
public interface Sender {

    /** The address the messages come from. */
    Address address();

    /**
     * Sends the transfers in one wallet transaction and waits until everything they cause has been
     * processed.
     *
     * @return the whole trace, starting with the wallet's own transaction
     */
    Trace send(List<Transfer> transfers);

    default Trace send(Transfer transfer) {
        return send(List.of(transfer));
    }
}

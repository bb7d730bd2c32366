package io.cocoon4j.network.client;

import io.cocoon4j.protocol.Hash32;
import java.util.Optional;
import org.ton.ton4j.address.Address;

/**
 * A message the network chain sent, tracked by its hash until it lands or expires.
 *
 * @param hash the external message's cell hash (what its transaction's {@code in_msg} carries)
 * @param destination the wallet or contract it went to
 * @param sentAt unix time of the first send
 * @param status where it stands
 * @param transactionHash the transaction it landed in, once landed
 */
public record SentMessage(Hash32 hash, Address destination, long sentAt, Status status, Optional<Hash32> transactionHash) {

    /** Pending until seen in a transaction; rejected when the chain refused it; expired when never seen in time. */
    public enum Status { PENDING, LANDED, REJECTED, EXPIRED }

    SentMessage with(Status s, Optional<Hash32> tx) {
        return new SentMessage(hash, destination, sentAt, s, tx);
    }
}

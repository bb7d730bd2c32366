package io.cocoon4j.client.chain;

import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.protocol.EngineId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where registered runners answer, kept off-chain because the contracts have no endpoint field yet
 * (the operator contract holds the enclave key and the model prices; this holds what it lacks). A
 * listing is only a pointer: {@link ContractClientMarket#offers} trusts the chain for the key and
 * the price, and the RA-TLS handshake proves the endpoint is that enclave.
 */
public final class OfferDirectory {

    /**
     * One runner's off-chain facts.
     *
     * @param operator the operator's owner wallet (the address it registered with)
     * @param endpoint base address of its inference service ({@code https://…})
     * @param engine the engine id its results commit to
     * @param contextLength the context length it serves jobs with
     */
    public record Listing(OperatorAddress operator, URI endpoint, EngineId engine, int contextLength) {
        public Listing {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(engine, "engine");
            if (contextLength < 1) {
                throw new IllegalArgumentException("a context length is at least 1, got " + contextLength);
            }
        }
    }

    private final Map<OperatorAddress, Listing> listings = new ConcurrentHashMap<>();

    /** Adds or replaces the listing of its operator. */
    public void publish(Listing listing) {
        listings.put(listing.operator(), listing);
    }

    /** Removes {@code operator}'s listing, if any. */
    public void withdraw(OperatorAddress operator) {
        listings.remove(operator);
    }

    /** Every listing, in no particular order. */
    public List<Listing> listings() {
        return List.copyOf(listings.values());
    }
}

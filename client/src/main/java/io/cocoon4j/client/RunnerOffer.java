package io.cocoon4j.client;

import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import java.net.URI;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A runner that serves a model, as the registry lists it: where to reach it, the enclave key its
 * RA-TLS certificate must carry, and its terms.
 *
 * @param endpoint base address of its inference service ({@code https://…})
 * @param operator its operator (wallet) address, bound into its enclave evidence
 * @param identityKey its enclave identity key (raw Ed25519, 32 bytes): the key of its RA-TLS
 *     certificate and of its commitment signatures
 * @param modelSha256 the model it serves
 * @param engine the engine id its results commit to
 * @param contextLength the context length it serves jobs with
 * @param pricePerToken nanotons per output token
 */
public record RunnerOffer(URI endpoint, OperatorAddress operator, byte[] identityKey, Hash32 modelSha256,
                          EngineId engine, int contextLength, long pricePerToken) {
    public RunnerOffer {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(identityKey, "identityKey");
        if (identityKey.length != EnclaveKey.RAW_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an enclave identity key is 32 bytes");
        }
        identityKey = identityKey.clone();
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(engine, "engine");
        if (contextLength < 1) {
            throw new IllegalArgumentException("a context length is at least 1");
        }
        if (pricePerToken < 0) {
            throw new IllegalArgumentException("a price is not negative");
        }
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunnerOffer r && endpoint.equals(r.endpoint) && operator.equals(r.operator)
            && java.util.Arrays.equals(identityKey, r.identityKey) && modelSha256.equals(r.modelSha256)
            && engine.equals(r.engine) && contextLength == r.contextLength && pricePerToken == r.pricePerToken;
    }

    @Override
    public int hashCode() {
        return endpoint.hashCode() * 31 + java.util.Arrays.hashCode(identityKey);
    }

    @Override
    public String toString() {
        return "RunnerOffer[" + endpoint + ", key=" + HexFormat.of().formatHex(identityKey) + ", engine=" + engine
            + ", ctx=" + contextLength + ", price=" + pricePerToken + " nanoton/token]";
    }
}

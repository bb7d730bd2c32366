package io.cocoon4j.network.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.chain.ChainUnavailableException;
import io.cocoon4j.network.toncenter.ToncenterServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ton.ton4j.address.Address;

/**
 * The local network's faucet, reached over HTTP beside its toncenter API. Only a local network
 * has one: testnet coins come from the testnet giver bot, mainnet coins are bought.
 */
public final class LocalFaucet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalFaucet() {}

    /** What to tell someone asking the faucet for coins on {@code network}. */
    public static String refusal(String network) {
        if (network.equals("testnet")) {
            return "there is no faucet on testnet in cocoon: get test coins from the testnet giver, the Telegram bot"
                    + " @testgiver_ton_bot (send it your testnet address from `cocoon wallet address NAME --network"
                    + " testnet`; it gives a few TON per request), then check with `cocoon wallet balance NAME --network testnet`";
        }
        return "there is no faucet on " + network + ": coins there are real money; transfer TON to the wallet's address"
                + " from an exchange or another wallet";
    }

    /**
     * Asks the faucet of the local network at {@code endpoint} for {@code amount} nanotons.
     *
     * @return the address's balance after the funding
     */
    public static BigInteger fund(NetworkEndpoint endpoint, HttpTransport transport, Address to, BigInteger amount) {
        if (!endpoint.isLocal()) {
            throw new IllegalArgumentException(refusal(endpoint.name()));
        }
        String base = endpoint.baseUrl().toString();
        URI uri = URI.create(base.substring(0, base.length() - "/api/v2".length()) + ToncenterServer.FAUCET_PATH);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        endpoint.apiKey().ifPresent(k -> headers.put("X-API-Key", k));
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("address", to.toRaw(), "amount", amount.toString()));
            HttpTransport.Response r = transport.post(uri, headers, body, endpoint.requestTimeout());
            JsonNode reply = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
            if (reply == null || !reply.path("ok").asBoolean()) {
                throw new IllegalStateException("the local faucet refused: "
                        + (reply == null ? "HTTP " + r.status() : reply.path("error").asText()));
            }
            return new BigInteger(reply.path("result").path("balance").asText());
        } catch (IOException e) {
            throw new ChainUnavailableException("cannot reach the local network at " + base + " (" + e.getMessage()
                    + "); start it in another terminal with: ./cocoon up", e);
        }
    }
}

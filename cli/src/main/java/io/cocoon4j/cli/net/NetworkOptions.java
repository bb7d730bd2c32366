package io.cocoon4j.cli.net;

import io.cocoon4j.network.client.NetworkEndpoint;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.wallet.WalletV5;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --network} and {@code --api-key}, shared by every command that talks to a chain. */
public final class NetworkOptions {

    @Option(names = "--network", defaultValue = "local", paramLabel = "NETWORK",
            description = "local (the network `cocoon up` runs on this machine; default), testnet, mainnet, or a"
                    + " toncenter v2 endpoint URL ending in /api/v2.")
    String network;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "toncenter API key (default: $COCOON_TONCENTER_API_KEY). Without one the public endpoints"
                    + " allow about one request per second.")
    String apiKey;

    /** The network's name as given. */
    public String name() {
        return network;
    }

    public boolean isLocal() {
        return network.equals("local");
    }

    public boolean isMainnet() {
        return network.equals("mainnet");
    }

    public NetworkEndpoint endpoint() {
        Optional<String> key = Optional.ofNullable(apiKey).or(() -> Optional.ofNullable(System.getenv("COCOON_TONCENTER_API_KEY")))
                .filter(k -> !k.isBlank());
        return NetworkEndpoint.of(network, key, CocoonHome.localEndpoint());
    }

    public ToncenterChain connect() {
        return ToncenterChain.connect(endpoint());
    }

    /** The global id wallet v5r1 derives its wallet id from. */
    public int globalId() {
        return network.equals("testnet") ? WalletV5.TESTNET_GLOBAL_ID : WalletV5.MAINNET_GLOBAL_ID;
    }

    /** Addresses as users of this network write them (testnet ones carry the test-only flag). */
    public String friendly(org.ton.ton4j.address.Address a, boolean bounceable) {
        return a.toString(true, true, bounceable, network.equals("testnet"));
    }
}

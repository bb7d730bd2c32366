package io.cocoon4j.cli.net;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cocoon verifier}: a verifier's on-chain life; today {@code join}. */
@Command(name = "verifier", mixinStandardHelpOptions = true,
        description = "Take part in a network as a verifier (you audit runners' answers and sit on juries, with a bond).",
        subcommands = VerifierCommand.Join.class)
public final class VerifierCommand {

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = {"Register as a verifier through the network's root: sends the bond, creates your operator"
                    + " contract, which enters the root's verifier registry, and prints its address and status.",
                "",
                "Before: `cocoon deploy` ran on this network and your wallet holds the bond plus about 0.1 TON of fees."
                    + " On local the enclave is the simulated one; testnet and mainnet need Intel TDX and are refused for now.",
                "Example: cocoon verifier join --network local --wallet verifier1"})
    static final class Join extends OperatorJoin implements Callable<Integer> {
        @Override
        int role() {
            return 2;
        }

        @Override
        String roleName() {
            return "verifier";
        }

        @Override
        Map<BigInteger, BigInteger> models() {
            return Map.of();
        }

        @Override
        public Integer call() {
            return join();
        }
    }
}

package io.cocoon4j.cli.net;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cocoon runner}: a runner's on-chain life; today {@code join}. */
@Command(name = "runner", mixinStandardHelpOptions = true,
        description = "Take part in a network as a runner (you serve inference jobs and stake TON on your answers).",
        subcommands = RunnerCommand.Join.class)
public final class RunnerCommand {

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = {"Register as a runner through the network's root: sends the stake, creates your operator"
                    + " contract and prints its address and status as read back from it.",
                "",
                "Before: `cocoon deploy` ran on this network (the network file exists) and your wallet holds the stake"
                    + " plus about 0.1 TON of fees. On local the enclave is this machine's simulated enclave (its key is"
                    + " kept under ~/.cocoon/enclaves/WALLET); testnet and mainnet need Intel TDX and are refused for now.",
                "Example: cocoon runner join --network local --wallet runner1 --stake 5"})
    static final class Join extends OperatorJoin implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "SHA256",
                description = "SHA-256 of the model you serve (default on local: the tiny generated model).")
        String model;

        @Option(names = "--price", defaultValue = "1000", paramLabel = "NANOTON",
                description = "Your price per token for that model, at most the root's cap (default ${DEFAULT-VALUE}).")
        long price;

        @Override
        int role() {
            return 1;
        }

        @Override
        String roleName() {
            return "runner";
        }

        @Override
        Map<BigInteger, BigInteger> models() {
            if (model == null && !net.isLocal()) {
                throw new IllegalArgumentException("which model do you serve? add --model SHA256");
            }
            String sha = model != null ? model : LocalDev.tinyModelSha256();
            return Map.of(uint256(LocalDev.hash32("--model", sha)), BigInteger.valueOf(price));
        }

        @Override
        public Integer call() {
            return join();
        }
    }
}

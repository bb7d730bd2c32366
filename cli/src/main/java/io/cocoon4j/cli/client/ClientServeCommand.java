package io.cocoon4j.cli.client;

import io.cocoon4j.client.ClientMarket;
import io.cocoon4j.client.Gateway;
import io.cocoon4j.client.LocalModel;
import io.cocoon4j.client.PaidInference;
import io.cocoon4j.client.RunnerClient;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.sampling.Tolerance;
import io.cocoon4j.runner.chain.ContractCommitmentEncoding;
import io.cocoon4j.runner.engine.EngineOptions;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.job.CommitmentEncoding;
import io.cocoon4j.runner.model.ModelFiles;
import io.cocoon4j.verifier.Verifier;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cocoon client serve}: the OpenAI-compatible gateway. Every request becomes a job paid from
 * the client's wallet, sent to a runner over RA-TLS and checked against the runner's on-chain
 * commitment. Needs the network's job market (the contract clients); until they are wired in, the
 * command says so and exits before loading anything.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {"Serve an OpenAI-compatible API (/v1/chat/completions, /v1/completions, /v1/models) "
        + "that pays for each request through a job, until Ctrl-C."})
public final class ClientServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "10000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--model", required = true, paramLabel = "FILE",
        description = "The GGUF model file to tokenize with (jobs name its SHA-256).")
    Path model;

    @Option(names = "--name", description = "The model's name in the API (default: the file name without .gguf).")
    String name;

    @Option(names = "--network", defaultValue = "local", description = "local, testnet or mainnet (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--verify-tau", paramLabel = "TAU",
        description = "Re-check every answer locally by teacher forcing with this tolerance (e.g. 5e-5 for the tiny model).")
    Double verifyTau;

    @Override
    public Integer call() throws Exception {
        ClientMarket market = market(network);
        CommitmentEncoding encoding = encoding(network);
        LlamaEngine engine = LlamaEngine.open(model, EngineOptions.defaults());
        Hash32 sha = Hash32.fromHex(ModelFiles.sha256(model));
        String modelName = name != null ? name : model.getFileName().toString().replaceFirst("\\.gguf$", "");
        Optional<Verifier> verifier = verifyTau == null ? Optional.empty()
            : Optional.of(new Verifier(engine, sha, new Tolerance(verifyTau)));
        AttestationPolicy policy = AttestationPolicy.builder().allowSimulated(network.equals("local")).build();
        PaidInference inference = new PaidInference(market, new RunnerClient(policy, EvidenceVerifier.simulatedOnly(),
            Duration.ofSeconds(60)), encoding, List.of(new LocalModel(modelName, sha, engine, verifier)),
            Duration.ofMinutes(5));
        Gateway gateway = Gateway.start(inference, new InetSocketAddress(bind, port));
        System.err.println("OpenAI-compatible API at " + gateway.baseUri() + " (model '" + modelName + "'); Ctrl-C stops it");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * The client's side of the network's job contracts. {@code ContractClientMarket} implements it on
     * any chain, but a LocalChain lives inside one process: a gateway alone on its own LocalChain would
     * see no runner, so "local" waits for a command that runs runner and gateway on one chain.
     */
    private static ClientMarket market(String network) {
        throw new IllegalStateException("no job market for network '" + network + "' in this build: a local chain is"
            + " private to one process, so the gateway needs the runners on the same in-process chain, and testnet"
            + " and mainnet need a network TonChain");
    }

    /** The commitment encoding every network's job contract checks signatures over. */
    private static CommitmentEncoding encoding(String network) {
        return ContractCommitmentEncoding.INSTANCE;
    }
}

package io.cocoon4j.cli.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.toncenter.ToncenterServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon up}: the local network as a service on this machine, until Ctrl-C. Services start
 * in order and stop in reverse; today the chain and its toncenter v2 endpoint (with the local
 * faucet), later runners, verifiers and the client gateway join the same list.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local network on this machine and keep it running until Ctrl-C.",
            "",
            "It serves the toncenter v2 API on http://127.0.0.1:PORT/api/v2 (JSON-RPC and REST, as the public"
                + " service: @ton/ton's TonClient, ton4j and cocoon's own commands use it) and the local faucet."
                + " Other cocoon commands find it with --network local (the default).",
            "With --state DIR the chain is kept in DIR (every message is on disk before it is answered) and"
                + " resumes from there after a restart, even after kill -9."})
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "" + ToncenterServer.DEFAULT_PORT, paramLabel = "PORT",
            description = "Port of the endpoint on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--state", paramLabel = "DIR", description = "Keep the chain in DIR and resume it from there.")
    Path state;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Require this API key from clients (X-API-Key), as the public service does.")
    String apiKey;

    @Mixin
    ReportOptions output;

    private final Deque<AutoCloseable> services = new ArrayDeque<>();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        LocalNetwork network = state == null ? LocalNetwork.inMemory() : LocalNetwork.persistent(state);
        services.push(network);
        ToncenterServer server = ToncenterServer.start(network, port, Optional.ofNullable(apiKey));
        services.push(server);
        Path marker = CocoonHome.localNetworkFile();
        writeMarker(marker, server);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(marker);
            stopped.countDown();
        }, "cocoon-up-shutdown"));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("network", "local");
        r.put("endpoint", server.endpoint());
        r.put("jsonrpc", server.jsonRpcUrl());
        r.put("faucet", "http://127.0.0.1:" + server.port() + ToncenterServer.FAUCET_PATH);
        r.put("state", state == null ? "in memory (lost on exit; use --state DIR to keep it)" : state.toAbsolutePath().toString());
        r.put("resumed_inputs", network.inputs());
        r.put("masterchain_seqno", network.lastBlock().seqno());
        r.put("startup_ms", (System.nanoTime() - t0) / 1_000_000);
        output.print(r);
        System.err.println("cocoon up: the local network is running; Ctrl-C stops it");
        stopped.await();
        return 0;
    }

    private void stop(Path marker) {
        while (!services.isEmpty()) {
            try {
                services.pop().close();
            } catch (Exception e) {
                System.err.println("cocoon up: stopping a service failed: " + e.getMessage());
            }
        }
        try {
            // only our own marker: another `cocoon up` may have replaced it
            if (Files.exists(marker) && Files.readString(marker).contains("\"pid\":" + ProcessHandle.current().pid())) {
                Files.delete(marker);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    private static void writeMarker(Path marker, ToncenterServer server) throws IOException {
        Files.createDirectories(marker.getParent());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", server.endpoint());
        m.put("pid", ProcessHandle.current().pid());
        Files.writeString(marker, new ObjectMapper().writeValueAsString(m));
    }
}

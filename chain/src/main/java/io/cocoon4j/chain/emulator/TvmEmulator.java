package io.cocoon4j.chain.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.chain.emulator.EmulatorInstance.EmulatorTrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official TON emulator (the C++ transaction and TVM emulator, as shipped compiled to WASM in
 * the pinned {@code @ton/sandbox} npm package) running inside the JVM on Chicory. It emulates one
 * transaction at a time on an account and runs get-methods, byte for byte as the sandbox does in Node.
 *
 * <p><b>Data.</b> Every BoC (cells: accounts, messages, transactions, stacks, configs) crosses this
 * API as a standard base64 string, the emulator's own format; convert with ton4j's
 * {@code Cell.fromBocBase64(...)} / {@code cell.toBase64()}.
 *
 * <p><b>Threads.</b> One WASM instance is not thread-safe and needs a deep stack, so a
 * {@code TvmEmulator} owns worker threads (512 MiB of stack reserved each), each with its own WASM
 * instance, and runs every call on one of them. Any thread may call. With one worker (the default)
 * calls are serialised; {@link #create(String, String, Verbosity, int)} with more workers runs that
 * many calls in parallel, each worker costing about 20 MiB of heap for its WASM memory. Calls are
 * independent of each other (all state is in the BoCs passed in), so any worker may serve any call.
 *
 * <p><b>Cost.</b> The WASM was translated to JVM classes at build time; the first emulator in a JVM
 * loads them and parses a stripped module (under a second), then each worker instantiates the WASM
 * and parses its config (about a second for the default config): a new JVM emulates its first
 * transaction about 2 s after start on an idle 2-core machine. HotSpot then needs several hundred
 * transactions to compile the hot code; two WASM functions are too big for a JVM method and stay
 * interpreted by Chicory (they parse large configs: hence the slim config for get-methods). Each
 * worker holds its WASM memory (about 20 MiB); close emulators you no longer need.
 *
 * <p><b>Failures.</b> Contract failures are results ({@link TransactionResult.Failure}, exit codes);
 * malformed input and emulator traps are {@link EmulatorException}s, after which the emulator is
 * still usable.
 */
public final class TvmEmulator implements AutoCloseable {

    /** Stack size of the worker thread: the emulator recurses deeply through translated WASM frames. */
    static final long WORKER_STACK_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static TvmEmulator shared;

    private final String configBoc;
    private final String getMethodConfigBoc;
    private final Verbosity verbosity;
    private final ExecutorService workers;
    /** Each worker thread's WASM instance: an instance is used by its own thread only. */
    private final ThreadLocal<EmulatorInstance> instance = new ThreadLocal<>();
    private volatile boolean isShared;

    private TvmEmulator(String configBoc, String getMethodConfigBoc, Verbosity verbosity, int workerCount) {
        this.configBoc = configBoc;
        this.getMethodConfigBoc = getMethodConfigBoc;
        this.verbosity = verbosity;
        this.workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread t = new Thread(null, task, "tvm-emulator-" + THREADS.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * An emulator with the sandbox's default (mainnet-like) blockchain config for transactions and
     * the sandbox's {@linkplain #slimConfig() slim config} for get-methods, with short VM logs.
     *
     * <p>The emulator parses the config passed to every get-method anew; the slim config makes a
     * get-method about ten times faster and gives the same results for any method that does not
     * read the validator or other large config parameters. Pass
     * {@code params.withConfig(TvmEmulator.defaultConfig())} for one that does.
     */
    public static TvmEmulator create() {
        return create(defaultConfig(), slimConfig(), Verbosity.SHORT);
    }

    /**
     * An emulator for one blockchain config, used for transactions and get-methods alike.
     *
     * @param configBoc base64 BoC of the config dictionary ({@code Hashmap 32 ^Cell}), e.g.
     *                  {@link #defaultConfig()} or {@link #slimConfig()}
     * @param verbosity VM log verbosity for transactions
     * @throws EmulatorException if the emulator cannot be loaded or rejects the config
     */
    public static TvmEmulator create(String configBoc, Verbosity verbosity) {
        return create(configBoc, configBoc, verbosity);
    }

    /**
     * An emulator with one config for transactions and another for get-methods (see {@link #create()}).
     *
     * @throws EmulatorException if the emulator cannot be loaded or rejects the transaction config
     */
    public static TvmEmulator create(String configBoc, String getMethodConfigBoc, Verbosity verbosity) {
        return create(configBoc, getMethodConfigBoc, verbosity, 1);
    }

    /**
     * An emulator that runs up to {@code workers} calls in parallel, each on its own WASM instance.
     * Every instance is created (and its config parsed) before this returns.
     *
     * @throws EmulatorException if the emulator cannot be loaded or rejects the transaction config
     */
    public static TvmEmulator create(String configBoc, String getMethodConfigBoc, Verbosity verbosity, int workers) {
        Objects.requireNonNull(configBoc, "configBoc");
        Objects.requireNonNull(getMethodConfigBoc, "getMethodConfigBoc");
        Objects.requireNonNull(verbosity, "verbosity");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        TvmEmulator emulator = new TvmEmulator(configBoc, getMethodConfigBoc, verbosity, workers);
        try {
            // One task per worker, each holding its thread until all have started: every worker gets its instance.
            CountDownLatch started = new CountDownLatch(workers);
            List<Future<Void>> warmUps = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                warmUps.add(emulator.submit(() -> {
                    started.countDown();
                    started.await();
                    emulator.instance();
                    return null;
                }));
            }
            for (Future<Void> warmUp : warmUps) {
                emulator.await(warmUp);
            }
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /**
     * The JVM's shared emulator, as {@link #create()} makes it, created on first use and never closed
     * ({@link #close()} on it does nothing): many {@code LocalChain.on(TvmEmulator.shared())} in one
     * JVM (a test suite, say) pay the emulator's start-up once. Calls are serialised on its one worker.
     */
    public static synchronized TvmEmulator shared() {
        if (shared == null) {
            TvmEmulator emulator = create();
            emulator.isShared = true;
            shared = emulator;
        }
        return shared;
    }

    /** The sandbox's default blockchain config (a mainnet snapshot), base64. */
    public static String defaultConfig() {
        return SandboxConfigs.DEFAULT;
    }

    /**
     * The sandbox's slim config: the same network parameters without the large validator and
     * workchain dictionaries, base64. Much cheaper to parse; enough for most contracts.
     */
    public static String slimConfig() {
        return SandboxConfigs.SLIM;
    }

    /** The blockchain config transactions see, base64. */
    public String configBoc() {
        return configBoc;
    }

    /** The blockchain config get-methods see unless their params name one, base64. */
    public String getMethodConfigBoc() {
        return getMethodConfigBoc;
    }

    /**
     * Emulates one inbound message on an account.
     *
     * @param shardAccountBoc the account before, a {@code ShardAccount} (an empty account for a deploy)
     * @param messageBoc      the inbound {@code Message Any} (internal or external)
     * @param params          the block context
     * @return the transaction and the account after it, or the VM's verdict on an external message
     *         the contract did not accept
     * @throws EmulatorException when the emulator refuses the inputs (a BoC that does not parse, an
     *                           account or message of the wrong shape) or faults
     */
    public TransactionResult emulateTransaction(String shardAccountBoc, String messageBoc, TransactionParams params) {
        Objects.requireNonNull(shardAccountBoc, "shardAccountBoc");
        Objects.requireNonNull(messageBoc, "messageBoc");
        Objects.requireNonNull(params, "params");
        ObjectNode json = commonParams(params);
        return emulate(shardAccountBoc, messageBoc, params, json);
    }

    /**
     * Emulates a tick or tock transaction of a special account.
     *
     * @param tock {@code true} for tock, {@code false} for tick
     */
    public TransactionResult emulateTickTock(String shardAccountBoc, boolean tock, TransactionParams params) {
        Objects.requireNonNull(shardAccountBoc, "shardAccountBoc");
        Objects.requireNonNull(params, "params");
        ObjectNode json = commonParams(params);
        json.put("is_tick_tock", true);
        json.put("is_tock", tock);
        return emulate(shardAccountBoc, "", params, json);
    }

    /**
     * Runs a get-method.
     *
     * @param params   code, data, address, method and context
     * @param stackBoc the argument stack, a base64 {@code VmStack} BoC (as @ton/core's serializeTuple)
     * @return exit code, gas, the result stack
     * @throws EmulatorException on malformed input (a BoC that does not parse, a bad address) or an
     *                           emulator fault
     */
    public GetMethodResult runGetMethod(GetMethodParams params, String stackBoc) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(stackBoc, "stackBoc");
        ObjectNode json = JSON.createObjectNode();
        json.put("code", params.codeBoc());
        json.put("data", params.dataBoc());
        json.put("verbosity", params.verbosity().level());
        json.put("libs", params.libsBoc() == null ? "" : params.libsBoc());
        json.put("address", params.address());
        json.put("unixtime", params.unixTime());
        json.put("balance", params.balance().toString());
        json.put("rand_seed", params.randomSeedHex());
        json.put("gas_limit", Long.toString(params.gasLimit()));
        json.put("method_id", params.methodId());
        json.put("debug_enabled", params.debugEnabled());
        String paramsJson = json.toString();
        String config = params.configBoc() == null ? getMethodConfigBoc : params.configBoc();
        JsonNode response = call(() -> instance().runGetMethod(paramsJson, stackBoc, config));
        JsonNode output = response.path("output");
        if (!output.path("success").asBoolean(false)) {
            throw new EmulatorException("get-method " + params.methodId() + " could not run: "
                    + output.path("error").asText("unknown error"));
        }
        String[] logs = splitVmLog(output.path("vm_log").asText(""));
        JsonNode missing = output.path("missing_library");
        return new GetMethodResult(output.path("vm_exit_code").asInt(), Long.parseLong(output.path("gas_used").asText("0")),
                output.path("stack").asText(), logs[0], logs[1],
                missing.isTextual() ? Optional.of(missing.asText()) : Optional.empty(),
                response.path("logs").asText(""));
    }

    /** The emulator's build: {@code {"emulatorLibCommitHash": ..., "emulatorLibCommitDate": ...}} as text. */
    public String version() {
        return onWorker(() -> instance().version());
    }

    /**
     * Stops the worker threads. Calls after this fail with {@link EmulatorException}. Does nothing on
     * the {@linkplain #shared() shared} emulator.
     */
    @Override
    public void close() {
        if (!isShared) {
            workers.shutdownNow();
        }
    }

    // --- internals

    /** Runs {@code action} on the worker with this emulator's WASM instance (tests of fault recovery). */
    <T> T withInstance(java.util.function.Function<EmulatorInstance, T> action) {
        return onWorker(() -> action.apply(instance()));
    }

    private static ObjectNode commonParams(TransactionParams params) {
        ObjectNode json = JSON.createObjectNode();
        json.put("utime", params.utime());
        json.put("lt", Long.toUnsignedString(params.lt()));
        json.put("rand_seed", params.randomSeedHex() == null ? "" : params.randomSeedHex());
        json.put("ignore_chksig", params.ignoreChksig());
        json.put("debug_enabled", params.debugEnabled());
        if (params.prevBlocksInfoBoc() != null) {
            json.put("prev_blocks_info", params.prevBlocksInfoBoc());
        }
        return json;
    }

    private TransactionResult emulate(String shardAccountBoc, String messageBoc, TransactionParams params,
                                      ObjectNode json) {
        String paramsJson = json.toString();
        JsonNode response = call(() -> instance().emulate(params.libsBoc(), shardAccountBoc, messageBoc, paramsJson));
        JsonNode output = response.path("output");
        String logs = response.path("logs").asText("");
        String[] vm = splitVmLog(output.path("vm_log").asText(""));
        if (output.path("success").asBoolean(false)) {
            JsonNode actions = output.path("actions");
            return new TransactionResult.Success(output.path("transaction").asText(),
                    output.path("shard_account").asText(), vm[0],
                    actions.isTextual() ? Optional.of(actions.asText()) : Optional.empty(),
                    output.path("elapsed_time").asDouble(), logs, vm[1]);
        }
        JsonNode exit = output.path("vm_exit_code");
        OptionalInt exitCode = exit.isInt() ? OptionalInt.of(exit.asInt()) : OptionalInt.empty();
        String error = output.path("error").asText("unknown error");
        if (!output.path("external_not_accepted").asBoolean(false)) {
            // The emulator refused the inputs themselves (a BoC that does not parse, a message for another account…).
            throw new EmulatorException("the emulator rejected the transaction: " + error,
                    exitCode.isPresent() ? exitCode.getAsInt() : null, null);
        }
        return new TransactionResult.Failure(error, exitCode, vm[0], logs, vm[1]);
    }

    /** Runs a call on the worker and parses its JSON; the emulator's own "fail" answers become exceptions. */
    private JsonNode call(Callable<String> wasmCall) {
        String text = onWorker(wasmCall);
        JsonNode response;
        try {
            response = JSON.readTree(text);
        } catch (IOException e) {
            throw new EmulatorException("the emulator answered with malformed JSON: " + abbreviate(text), e);
        }
        if (response.path("fail").asBoolean(false)) {
            throw new EmulatorException("the emulator rejected the call: " + response.path("message").asText(text));
        }
        return response;
    }

    private EmulatorInstance instance() {
        EmulatorInstance current = instance.get();
        if (current == null) {
            current = new EmulatorInstance(EmulatorBinary.get(), configBoc, verbosity.level());
            instance.set(current);
        }
        return current;
    }

    private <T> T onWorker(Callable<T> task) {
        return await(submit(task));
    }

    private <T> Future<T> submit(Callable<T> task) {
        try {
            return workers.submit(() -> {
                try {
                    return task.call();
                } catch (EmulatorTrap e) {
                    instance.remove(); // its heap may be inconsistent: the next call gets a fresh instance
                    throw new EmulatorException(e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new EmulatorException("this emulator is closed", e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted while waiting for the emulator", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EmulatorException ee) {
                throw ee;
            }
            throw new EmulatorException("the emulator failed: " + cause, cause);
        }
    }

    /** Splits the sandbox way: {@code #DEBUG#} lines go to the debug log. */
    private static String[] splitVmLog(String log) {
        List<String> vm = new ArrayList<>();
        List<String> debug = new ArrayList<>();
        for (String line : log.split("\n", -1)) {
            (line.startsWith("#DEBUG#") ? debug : vm).add(line);
        }
        return new String[] {String.join("\n", vm), String.join("\n", debug)};
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** The configs shipped with @ton/sandbox, read on first use. */
    private static final class SandboxConfigs {
        static final String DEFAULT = resourceBase64("default-config.boc");
        static final String SLIM = resourceBase64("slim-config.boc");

        private static String resourceBase64(String name) {
            try (InputStream in = TvmEmulator.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the classpath: the chain module's build "
                            + "extracts it from @ton/sandbox");
                }
                return Base64.getEncoder().encodeToString(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
    }
}

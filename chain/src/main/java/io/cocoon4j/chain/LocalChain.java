package io.cocoon4j.chain;

import io.cocoon4j.chain.emulator.EmulatorException;
import io.cocoon4j.chain.emulator.GetMethodParams;
import io.cocoon4j.chain.emulator.TransactionParams;
import io.cocoon4j.chain.emulator.TransactionResult;
import io.cocoon4j.chain.emulator.TvmEmulator;
import io.cocoon4j.chain.emulator.Verbosity;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;

/**
 * A whole TON chain inside the JVM: the official emulator (from the pinned {@code @ton/sandbox})
 * runs every transaction, and this class keeps the blockchain around it with the semantics of the
 * sandbox's {@code Blockchain}: accounts, a message queue processed to completion in logical-time
 * order (each transaction advances lt by 1,000,000), bounces, controllable time, funded test
 * wallets, snapshots and restore.
 *
 * <p>Money enters only through {@link #fundedWallet(String)}: a funding message from the zero
 * address deploys a real wallet v4r2 with its balance. Everything else is sent by wallets signing
 * external messages, exactly as on a real network.
 *
 * <p><b>Threads.</b> One {@code LocalChain} may be shared: sends are serialised (a whole trace is
 * applied atomically), reads never see half a trace, and get-methods run concurrently with reads.
 *
 * <p><b>Failures.</b> A rejected external message throws {@link MessageRejectedException} with the
 * contract's exit code; an emulator fault throws {@link EmulatorFailureException}. In both cases no
 * account changes (a rejected message still uses up one lt step, as in the sandbox), and the chain
 * stays usable.
 */
public final class LocalChain implements TonChain {

    /** Logical time between two transactions, as in the sandbox. */
    public static final long LT_STEP = 1_000_000L;
    /** Gas limit of get-methods (the sandbox's). */
    public static final long GET_METHOD_GAS_LIMIT = 10_000_000L;
    /** What {@link #fundedWallet(String)} puts in a new wallet: one million TON, like a sandbox treasury. */
    public static final BigInteger DEFAULT_FUNDING = Transfer.ton("1000000");

    private static final Address ZERO_ADDRESS = Address.of("0:" + "0".repeat(64));

    private final TvmEmulator emulator;
    private final boolean ownsEmulator;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object fundingLock = new Object();

    // Guarded by lock.
    private Map<String, AccountEntry> accounts = new HashMap<>();
    private final List<ChainTransaction> history = new ArrayList<>();
    private long lt;
    private Long fixedNow;
    private String randomSeedHex = "0".repeat(64);
    private volatile boolean closed;

    private LocalChain(TvmEmulator emulator, boolean ownsEmulator) {
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
    }

    /**
     * A chain with the sandbox's default config on a new emulator (closed with the chain).
     * Get-methods see the emulator's get-method config ({@link TvmEmulator#create()}: the slim config,
     * parsed ten times faster; a method reading validator-set parameters needs {@link #withConfig}).
     */
    public static LocalChain create() {
        return new LocalChain(TvmEmulator.create(), true);
    }

    /**
     * A chain on an existing emulator, which it does not close: several chains (one per test, say)
     * can share one emulator and its start-up cost. The emulator's config is the chain's config.
     */
    public static LocalChain on(TvmEmulator emulator) {
        return new LocalChain(Objects.requireNonNull(emulator, "emulator"), false);
    }

    /** A chain with its own emulator on the given config, for transactions and get-methods alike. */
    public static LocalChain withConfig(String configBoc) {
        return new LocalChain(TvmEmulator.create(configBoc, Verbosity.SHORT), true);
    }

    // ---- time and randomness

    /** The chain's unix time: the wall clock until {@link #setNow(long)} fixes it. */
    @Override
    public long now() {
        lock.readLock().lock();
        try {
            return currentNow();
        } finally {
            lock.readLock().unlock();
        }
    }

    private long currentNow() {
        return fixedNow != null ? fixedNow : System.currentTimeMillis() / 1000;
    }

    /** Fixes the chain's time; later transactions and get-methods see {@code unixTime}. */
    public void setNow(long unixTime) {
        if (unixTime < 0 || unixTime > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("unix time must fit in 32 unsigned bits: " + unixTime);
        }
        lock.writeLock().lock();
        try {
            fixedNow = unixTime;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Moves the chain's time forward by {@code seconds} (and fixes it there). */
    public void advanceTime(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("time only moves forward; got " + seconds + " s");
        }
        lock.writeLock().lock();
        try {
            fixedNow = currentNow() + seconds;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The logical time of the last transaction (or of the last rejected external message). */
    public long lt() {
        lock.readLock().lock();
        try {
            return lt;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The block random seed contracts see (32 bytes; all zero by default, as in the sandbox). */
    public void setRandomSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("the random seed is 32 bytes");
        }
        lock.writeLock().lock();
        try {
            randomSeedHex = HexFormat.of().formatHex(seed);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- wallets

    /**
     * The test wallet named {@code name}: a wallet v4r2 whose key derives from the name (see
     * {@link Ed25519Keys#fromName(String)}), deployed and funded with {@link #DEFAULT_FUNDING} on
     * first use. The same name always gives the same wallet.
     */
    public WalletV4 fundedWallet(String name) {
        return fundedWallet(name, DEFAULT_FUNDING);
    }

    /** As {@link #fundedWallet(String)}, funding a new wallet with {@code amount} nanotons. */
    public WalletV4 fundedWallet(String name, BigInteger amount) {
        WalletV4 wallet = new WalletV4(this, Ed25519Keys.fromName(name));
        synchronized (fundingLock) { // check-then-fund, once per wallet even when threads race
            if (!account(wallet.address()).isActive()) {
                fund(wallet.address(), amount, wallet.stateInit());
            }
        }
        return wallet;
    }

    /**
     * The one place money is created: an internal message from the zero address carrying
     * {@code amount} (and {@code init}, to deploy), processed like any other message.
     */
    public Trace fund(Address to, BigInteger amount, StateInit init) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("funding must be a positive amount of nanotons");
        }
        Cell message = CellBuilder.beginCell()
                .storeBit(false).storeBit(true).storeBit(false).storeBit(false) // int_msg_info, ihr off, no bounce
                .storeAddress(ZERO_ADDRESS)
                .storeAddress(to)
                .storeCoins(amount)
                .storeBit(false)
                .storeCoins(BigInteger.ZERO).storeCoins(BigInteger.ZERO)
                .storeUint(0, 64).storeUint(0, 32)
                .endCell();
        Cell full = Messages.withInitAndBody(message, init, CellBuilder.beginCell().endCell());
        return process(full, to, false);
    }

    // ---- TonChain

    @Override
    public Trace sendExternal(Cell externalMessage) {
        ChainMessage parsed = Messages.parse(externalMessage);
        if (parsed.kind() != ChainMessage.Kind.EXTERNAL_IN) {
            throw new MalformedMessageException("expected an external inbound message, got " + parsed.kind());
        }
        Address dest = parsed.destination()
                .orElseThrow(() -> new MalformedMessageException("the external message has no destination"));
        if (parsed.init().isEmpty() && !account(dest).isActive()) {
            // The emulator refuses these before any VM runs; say why in the chain's terms.
            lock.writeLock().lock();
            try {
                lt += LT_STEP; // as the sandbox, which spends an lt step on every message it tries
            } finally {
                lock.writeLock().unlock();
            }
            throw new MessageRejectedException("external message to " + dest.toRaw() + " rejected: no contract is"
                    + " deployed there and the message carries no StateInit", -1);
        }
        return process(externalMessage, dest, true);
    }

    @Override
    public AccountState account(Address address) {
        AccountEntry entry;
        lock.readLock().lock();
        try {
            entry = accounts.get(ShardAccounts.key(address));
        } finally {
            lock.readLock().unlock();
        }
        return entry == null ? AccountState.nonexistent(address) : entry.state(address);
    }

    @Override
    public GetMethodResult runGetMethod(Address address, String method, List<TvmValue> args) {
        return get(address, GetMethodResult.methodId(method), method, args);
    }

    @Override
    public GetMethodResult runGetMethod(Address address, long methodId, List<TvmValue> args) {
        return get(address, methodId, "#" + methodId, args);
    }

    private GetMethodResult get(Address address, long methodId, String label, List<TvmValue> args) {
        ensureOpen();
        AccountEntry entry;
        long now;
        String seed;
        lock.readLock().lock();
        try {
            entry = accounts.get(ShardAccounts.key(address));
            now = currentNow();
            seed = randomSeedHex;
        } finally {
            lock.readLock().unlock();
        }
        if (entry == null) {
            throw new AccountNotFoundException(address, "the address was never used");
        }
        AccountState state = entry.state(address);
        if (!state.isActive()) {
            throw new AccountNotFoundException(address, "the account is " + state.status().name().toLowerCase());
        }
        if (state.code().isEmpty() || state.data().isEmpty()) {
            throw new AccountNotFoundException(address, "the account has no code or no data");
        }
        GetMethodParams params = new GetMethodParams(entry.codeBoc(), entry.dataBoc(), ShardAccounts.key(address),
                state.balance(), (int) methodId, now, seed, GET_METHOD_GAS_LIMIT, null, null, Verbosity.SHORT, false);
        io.cocoon4j.chain.emulator.GetMethodResult r;
        try {
            r = emulator.runGetMethod(params, base64(TvmStack.serialize(args)));
        } catch (EmulatorException e) {
            throw new EmulatorFailureException("get-method " + label + " on " + address.toRaw() + ": " + e.getMessage(), e);
        }
        if (!r.success()) {
            throw new GetMethodException(label, r.exitCode(), r.gasUsed());
        }
        return new GetMethodResult(r.exitCode(), r.gasUsed(), TvmStack.parse(Cell.fromBocBase64(r.stackBoc())));
    }

    @Override
    public List<ChainTransaction> transactions(Address address, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        lock.readLock().lock();
        try {
            AccountEntry entry = accounts.get(ShardAccounts.key(address));
            if (entry == null) {
                return List.of();
            }
            List<ChainTransaction> txs = entry.transactions();
            List<ChainTransaction> out = new ArrayList<>(Math.min(limit, txs.size()));
            for (int i = txs.size() - 1; i >= 0 && out.size() < limit; i--) {
                out.add(txs.get(i));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every transaction of the chain, oldest first. */
    public List<ChainTransaction> allTransactions() {
        lock.readLock().lock();
        try {
            return List.copyOf(history);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Puts {@code state} (an account as another chain reports it) into this chain, replacing what was
     * there, without a transaction: for emulating a message against a real network's accounts before
     * sending it there. History starts empty.
     */
    public void putAccount(AccountState state) {
        Cell shard = ImportedAccount.shardAccount(state, now());
        lock.writeLock().lock();
        try {
            accounts.put(ShardAccounts.key(state.address()), new AccountEntry(base64(shard), new ArrayList<>(), 0));
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- snapshots

    /** An immutable picture of the whole chain: accounts, history, lt, time and seed. */
    public static final class Snapshot {
        private final Map<String, AccountEntry> accounts;
        private final int historySize;
        private final List<ChainTransaction> history;
        private final long lt;
        private final Long fixedNow;
        private final String randomSeedHex;

        private Snapshot(Map<String, AccountEntry> accounts, List<ChainTransaction> history, long lt, Long fixedNow,
                         String randomSeedHex) {
            this.accounts = Collections.unmodifiableMap(new HashMap<>(accounts));
            this.history = List.copyOf(history);
            this.historySize = history.size();
            this.lt = lt;
            this.fixedNow = fixedNow;
            this.randomSeedHex = randomSeedHex;
        }

        /** Logical time at the snapshot. */
        public long lt() {
            return lt;
        }

        /** Number of transactions the chain had run at the snapshot. */
        public int transactionCount() {
            return historySize;
        }
    }

    /** Captures the chain's current state; cheap (accounts are immutable values). */
    public Snapshot snapshot() {
        lock.readLock().lock();
        try {
            return new Snapshot(accounts, history, lt, fixedNow, randomSeedHex);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Puts the chain back to {@code snapshot}: accounts, history, lt, time and seed. */
    public void restore(Snapshot snapshot) {
        lock.writeLock().lock();
        try {
            accounts = new HashMap<>(snapshot.accounts);
            history.clear();
            history.addAll(snapshot.history);
            lt = snapshot.lt;
            fixedNow = snapshot.fixedNow;
            randomSeedHex = snapshot.randomSeedHex;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (ownsEmulator) {
            emulator.close();
        }
    }

    // ---- the message queue

    private record Pending(Address destination, Cell message) {}

    /**
     * Runs {@code root} and everything it causes, breadth first (the sandbox's order), on a staged
     * copy of the touched accounts; the stage is committed only when the whole trace succeeded.
     */
    private Trace process(Cell root, Address destination, boolean external) {
        ensureOpen();
        lock.writeLock().lock();
        try {
            Map<String, AccountEntry> staged = new HashMap<>();
            List<ChainTransaction> txs = new ArrayList<>();
            ArrayDeque<Pending> queue = new ArrayDeque<>();
            queue.add(new Pending(destination, root));
            long stagedLt = lt;
            long now = currentNow();
            boolean first = true;
            while (!queue.isEmpty()) {
                Pending p = queue.poll();
                String key = ShardAccounts.key(p.destination());
                AccountEntry before = staged.containsKey(key) ? staged.get(key) : accounts.get(key);
                String shardAccount = before == null ? base64(ShardAccounts.empty(p.destination())) : before.boc();
                stagedLt += LT_STEP;
                TransactionResult result;
                try {
                    result = emulator.emulateTransaction(shardAccount, base64(p.message()),
                            new TransactionParams(now, stagedLt, randomSeedHex, false, false, null, null));
                } catch (EmulatorException e) {
                    if (first && external && e.getMessage() != null && e.getMessage().contains("rejected by account")) {
                        // Refused before any VM ran (e.g. a StateInit that does not hash to the address).
                        lt = stagedLt;
                        throw new MessageRejectedException("external message to " + key + " rejected: "
                                + e.getMessage(), e.exitCode().orElse(-1));
                    }
                    throw new EmulatorFailureException("the emulator failed on a message to " + key + ": "
                            + e.getMessage() + "; nothing was applied", e);
                }
                if (result instanceof TransactionResult.Failure f) {
                    if (first && external) {
                        lt = stagedLt; // the sandbox spends an lt step on a rejected message too
                        int exit = f.vmExitCode().orElse(-1);
                        throw new MessageRejectedException("external message to " + key + " rejected: " + f.error()
                                + (f.vmExitCode().isPresent() ? " (exit code " + exit + ")" : ""), exit);
                    }
                    throw new EmulatorFailureException("no transaction for a message to " + key + ": " + f.error()
                            + "; nothing was applied");
                }
                TransactionResult.Success s = (TransactionResult.Success) result;
                ChainTransaction tx = TransactionParser.parse(Cell.fromBocBase64(s.transactionBoc()),
                        p.destination().wc);
                staged.put(key, AccountEntry.after(before, s.shardAccountBoc(), tx));
                txs.add(tx);
                for (ChainMessage out : tx.outMessages()) {
                    if (out.kind() == ChainMessage.Kind.INTERNAL && out.destination().isPresent()) {
                        queue.add(new Pending(out.destination().get(), out.cell()));
                    }
                }
                first = false;
            }
            accounts.putAll(staged);
            history.addAll(txs);
            lt = stagedLt;
            return new Trace(txs);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ChainUnavailableException("this LocalChain was closed");
        }
    }

    private static String base64(Cell cell) {
        return Base64.getEncoder().encodeToString(cell.toBoc(false));
    }

    /**
     * One account: its shard-account BoC as the emulator returned it (parsed lazily) and its first
     * {@code count} transactions in a list shared with its earlier versions. Appending extends the
     * shared list when this version is its tip and copies it otherwise (after a rollback or restore),
     * so history costs O(1) per transaction while every version stays immutable. The list is only
     * touched under the chain's lock.
     */
    private static final class AccountEntry {
        private final String boc;
        private final List<ChainTransaction> log;
        private final int count;
        private volatile AccountState state;
        private volatile String codeBoc;
        private volatile String dataBoc;

        private AccountEntry(String boc, List<ChainTransaction> log, int count) {
            this.boc = boc;
            this.log = log;
            this.count = count;
        }

        static AccountEntry after(AccountEntry before, String boc, ChainTransaction tx) {
            List<ChainTransaction> log;
            if (before == null) {
                log = new ArrayList<>();
            } else if (before.log.size() == before.count) {
                log = before.log;
            } else {
                log = new ArrayList<>(before.log.subList(0, before.count));
            }
            log.add(tx);
            return new AccountEntry(boc, log, log.size());
        }

        String boc() {
            return boc;
        }

        List<ChainTransaction> transactions() {
            return Collections.unmodifiableList(log.subList(0, count));
        }

        AccountState state(Address address) {
            AccountState s = state;
            if (s == null) {
                s = ShardAccounts.read(address, Cell.fromBocBase64(boc));
                state = s;
            }
            return s;
        }

        String codeBoc() {
            String c = codeBoc;
            if (c == null) {
                c = base64(state.code().orElseThrow());
                codeBoc = c;
            }
            return c;
        }

        String dataBoc() {
            String d = dataBoc;
            if (d == null) {
                d = base64(state.data().orElseThrow());
                dataBoc = d;
            }
            return d;
        }
    }
}

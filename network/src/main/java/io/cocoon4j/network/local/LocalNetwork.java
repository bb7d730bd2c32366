package io.cocoon4j.network.local;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.GetMethodResult;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.TvmValue;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.tlb.StateInit;

/**
 * The local network: a {@link LocalChain} with what a shared network has on top of it — a
 * masterchain whose seqno and time advance with every processed input (so clients that poll work
 * unchanged), wall-clock time, a faucet, and optionally its state on disk.
 *
 * <p>With a state directory ({@link #persistent(Path)}) every input (external message, faucet
 * funding) is appended to a journal and forced to the disk before the call returns; reopening the
 * directory replays the journal on the deterministic emulator and gets back every account,
 * transaction and block. Nothing acknowledged is lost on Ctrl-C or {@code kill -9}.
 *
 * <p>Thread-safe: inputs are serialised; reads run concurrently.
 */
public final class LocalNetwork implements TonChain {
    private static final Hash32 GENESIS = sha256("cocoon4j local network".getBytes(StandardCharsets.US_ASCII));

    private final LocalChain chain;
    private final ChainJournal journal; // null: in memory only
    private final Object inputLock = new Object();
    private volatile BlockId last = new BlockId(1, 0, GENESIS);

    private LocalNetwork(LocalChain chain, ChainJournal journal) {
        this.chain = chain;
        this.journal = journal;
    }

    /** A fresh network kept in memory only. */
    public static LocalNetwork inMemory() {
        return new LocalNetwork(LocalChain.create(), null);
    }

    /**
     * The network kept in {@code stateDir}: created when the directory is empty, resumed (its journal
     * replayed) otherwise.
     *
     * @throws IllegalStateException when the journal is damaged beyond a torn last line
     */
    public static LocalNetwork persistent(Path stateDir) {
        ChainJournal.Opened opened = ChainJournal.open(stateDir);
        LocalNetwork net = new LocalNetwork(LocalChain.create(), opened.journal());
        for (JournalEntry e : opened.entries()) {
            net.replay(e);
        }
        return net;
    }

    /** How many inputs were replayed or processed: the last block's seqno minus one. */
    public long inputs() {
        return last.seqno() - 1;
    }

    /** The newest masterchain block. */
    public BlockId lastBlock() {
        return last;
    }

    /** The first masterchain block. */
    public BlockId initBlock() {
        return new BlockId(1, 0, GENESIS);
    }

    /** Where the journal lives, when the network is persistent. */
    public Optional<Path> journalFile() {
        return Optional.ofNullable(journal).map(ChainJournal::file);
    }

    // ---- inputs

    @Override
    public Trace sendExternal(Cell externalMessage) {
        synchronized (inputLock) {
            long now = tick();
            JournalEntry entry = new JournalEntry.External(now, externalMessage.toBoc(false));
            try {
                Trace t = chain.sendExternal(externalMessage);
                record(entry, t);
                return t;
            } catch (MessageRejectedException e) {
                record(entry, new Trace(List.of())); // the rejection spent a logical-time step: replay it too
                throw e;
            }
        }
    }

    /**
     * The faucet: {@code amount} nanotons to {@code to}, deploying it with {@code init} when given.
     * Only the local network creates money this way.
     */
    public Trace fund(Address to, BigInteger amount, StateInit init) {
        synchronized (inputLock) {
            long now = tick();
            Trace t = chain.fund(to, amount, init);
            record(new JournalEntry.Funding(now, to, amount,
                    Optional.ofNullable(init).map(i -> Messages.stateInitCell(i).toBoc(false))), t);
            return t;
        }
    }

    /** A named test wallet v4r2 (key from the name), deployed and funded with {@code amount} on first use. */
    public WalletV4 fundedWallet(String name, BigInteger amount) {
        WalletV4 wallet = new WalletV4(this, Ed25519Keys.fromName(name));
        synchronized (inputLock) {
            if (!account(wallet.address()).isActive()) {
                fund(wallet.address(), amount, wallet.stateInit());
            }
        }
        return wallet;
    }

    /**
     * Runs {@code externalMessage} and everything it causes without keeping anything: the trace a
     * send would produce now, for fee estimates and pre-flight checks.
     *
     * @throws MessageRejectedException when the destination would not accept it
     */
    public Trace emulate(Cell externalMessage) {
        synchronized (inputLock) {
            tick();
            LocalChain.Snapshot before = chain.snapshot();
            try {
                return chain.sendExternal(externalMessage);
            } finally {
                chain.restore(before);
            }
        }
    }

    /** Moves the network's clock forward (contracts' deadlines), without a block. */
    public void advanceTime(long seconds) {
        synchronized (inputLock) {
            chain.advanceTime(seconds);
        }
    }

    private void replay(JournalEntry e) {
        chain.setNow(e.now()); // the recorded time: storage fees and valid-until checks come out the same
        Trace t;
        if (e instanceof JournalEntry.External x) {
            try {
                t = chain.sendExternalBoc(x.boc());
            } catch (MessageRejectedException rejected) {
                t = new Trace(List.of());
            }
        } else {
            JournalEntry.Funding f = (JournalEntry.Funding) e;
            StateInit init = f.stateInitBoc().map(b -> StateInit.deserialize(
                    org.ton.ton4j.cell.CellSlice.beginParse(Cell.fromBoc(b)))).orElse(null);
            t = chain.fund(f.to(), f.amount(), init);
        }
        nextBlock(e.now(), t);
    }

    private void record(JournalEntry entry, Trace t) {
        if (journal != null) {
            journal.append(entry);
        }
        nextBlock(entry.now(), t);
    }

    private void nextBlock(long now, Trace t) {
        BlockId prev = last;
        byte[] material = new byte[32 + 32 * t.transactions().size()];
        System.arraycopy(prev.rootHash().bytes(), 0, material, 0, 32);
        for (int i = 0; i < t.transactions().size(); i++) {
            System.arraycopy(t.transactions().get(i).hash().bytes(), 0, material, 32 * (i + 1), 32);
        }
        last = new BlockId(prev.seqno() + 1, now, sha256(material));
    }

    /** The chain's clock follows the wall clock but never goes back (nor below a time set ahead). */
    private long tick() {
        long now = Math.max(chain.now(), System.currentTimeMillis() / 1000);
        chain.setNow(now);
        return now;
    }

    // ---- reads

    @Override
    public AccountState account(Address address) {
        return chain.account(address);
    }

    @Override
    public GetMethodResult runGetMethod(Address address, String method, List<TvmValue> args) {
        syncClock();
        return chain.runGetMethod(address, method, args);
    }

    @Override
    public GetMethodResult runGetMethod(Address address, long methodId, List<TvmValue> args) {
        syncClock();
        return chain.runGetMethod(address, methodId, args);
    }

    @Override
    public List<ChainTransaction> transactions(Address address, int limit) {
        return chain.transactions(address, limit);
    }

    @Override
    public long now() {
        return Math.max(chain.now(), System.currentTimeMillis() / 1000);
    }

    private void syncClock() {
        synchronized (inputLock) {
            tick();
        }
    }

    @Override
    public void close() {
        synchronized (inputLock) {
            chain.close();
            if (journal != null) {
                journal.close();
            }
        }
    }

    private static Hash32 sha256(byte[] data) {
        try {
            return Hash32.of(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

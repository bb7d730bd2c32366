package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.runner.journal.SignedMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tests only, and not a chain: a stand-in for the job contracts and one operator wallet, kept in a
 * SQLite file so that it outlives the processes a crash test kills. It keeps the two rules the
 * runner's crash safety relies on: the wallet takes a message only with its current seqno and
 * before its validity ends (so a resent copy is harmless), and every message ever received is
 * recorded with its exact bytes (so a test can see whether anything was signed twice). Each signed
 * message carries a random nonce: a re-signed message never has the bytes of the first.
 */
public final class LedgerMarket implements JobMarket, AutoCloseable {
    private static final byte[] MAGIC = {'L', 'D', 'G', '1'};

    private final Connection db;
    private final Duration challengeWindow;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Sends to drop (a lost message), for tests of expiry. */
    private int dropSends;
    /** False while the chain is "down": every call fails as an unreachable endpoint would. */
    private volatile boolean reachable = true;

    private LedgerMarket(Connection db, Duration challengeWindow, Duration validity, Clock clock) {
        this.db = db;
        this.challengeWindow = challengeWindow;
        this.validity = validity;
        this.clock = clock;
    }

    /** Opens (or creates) the ledger in {@code file}. */
    public static LedgerMarket open(Path file, Duration challengeWindow, Duration validity) {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE IF NOT EXISTS job (id TEXT PRIMARY KEY, model TEXT, engine TEXT, input TEXT,"
                    + " sampling TEXT, max_tokens INTEGER, context INTEGER, state TEXT, window_ends_ms INTEGER,"
                    + " result_hash TEXT, token_count INTEGER, chunk_root TEXT, signature BLOB)");
                s.execute("CREATE TABLE IF NOT EXISTS wallet (seqno INTEGER NOT NULL)");
                s.execute("INSERT INTO wallet SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM wallet)");
                s.execute("CREATE TABLE IF NOT EXISTS received (n INTEGER PRIMARY KEY AUTOINCREMENT, seqno INTEGER,"
                    + " action TEXT, job TEXT, bytes BLOB, taken INTEGER)");
            }
            return new LedgerMarket(db, challengeWindow, validity, Clock.systemUTC());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a client's create-job does: the job opens with this spec and context length. */
    public synchronized void createJob(JobSpec spec) {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO job (id, model, engine, input, sampling, max_tokens,"
                + " context, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')")) {
            p.setString(1, spec.jobId().hex());
            p.setString(2, spec.modelSha256().hex());
            p.setString(3, spec.engine().value());
            p.setString(4, spec.inputCommitment().hex());
            p.setString(5, sampling(spec.sampling()));
            p.setInt(6, spec.maxTokens());
            p.setInt(7, spec.contextLength());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commitment posted for a job, if any. */
    public synchronized Optional<SignedCommitment> commitment(Hash32 jobId) {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT result_hash, token_count, chunk_root, signature FROM job WHERE id = ? AND result_hash IS NOT NULL")) {
            p.setString(1, jobId.hex());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SignedCommitment(new ResultCommitment(jobId, Hash32.fromHex(r.getString(1)),
                    r.getInt(2), Hash32.fromHex(r.getString(3))), r.getBytes(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state column of a job ({@code open}, {@code accepted}, {@code committed}, {@code finalized}). */
    public synchronized String stateOf(Hash32 jobId) {
        try (PreparedStatement p = db.prepareStatement("SELECT state FROM job WHERE id = ?")) {
            p.setString(1, jobId.hex());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : "none";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One message as the wallet received it. */
    public record Received(long seqno, String action, byte[] bytes, boolean taken) {}

    /** Every message received, in order, taken or not. */
    public synchronized List<Received> received() {
        List<Received> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT seqno, action, bytes, taken FROM received ORDER BY n")) {
            while (r.next()) {
                out.add(new Received(r.getLong(1), r.getString(2), r.getBytes(3), r.getInt(4) == 1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** What a verifier's challenge does to a committed job: it waits for the jury. */
    public synchronized void challenge(Hash32 jobId) {
        try (PreparedStatement p = db.prepareStatement("UPDATE job SET state = 'challenged' WHERE id = ? AND state = 'committed'")) {
            p.setString(1, jobId.hex());
            if (p.executeUpdate() != 1) {
                throw new IllegalStateException("job " + jobId + " is not committed");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the chain down (every {@link JobMarket} call throws) or brings it back. */
    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    private void requireReachable() {
        if (!reachable) {
            throw new ChainUnavailableException("the ledger is down (test)");
        }
    }

    /** Makes the next {@code n} sends vanish, as a message lost on its way. */
    public synchronized void dropNextSends(int n) {
        dropSends = n;
    }

    @Override
    public synchronized Optional<ChainJob> job(Hash32 jobId) {
        requireReachable();
        try (PreparedStatement p = db.prepareStatement("SELECT model, engine, input, sampling, max_tokens, context,"
                + " state, window_ends_ms FROM job WHERE id = ?")) {
            p.setString(1, jobId.hex());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                JobSpec spec = new JobSpec(jobId, Hash32.fromHex(r.getString(1)), new EngineId(r.getString(2)),
                    r.getInt(6), Hash32.fromHex(r.getString(3)), sampling(r.getString(4)), r.getInt(5));
                JobState state = switch (r.getString(7)) {
                    case "open" -> new JobState.Open();
                    case "accepted" -> new JobState.Accepted();
                    case "committed" -> new JobState.Committed(Instant.ofEpochMilli(r.getLong(8)));
                    case "finalized" -> new JobState.Finalized();
                    case "challenged" -> new JobState.Challenged();
                    default -> new JobState.Closed(r.getString(7));
                };
                return Optional.of(new ChainJob(spec, state));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized SignedMessage sign(ChainAction action) {
        requireReachable();
        long seqno = seqno();
        Instant validUntil = Instant.ofEpochMilli(clock.millis() + validity.toMillis());
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeLong(seqno);
            out.writeLong(validUntil.toEpochMilli());
            out.write(nonce);
            out.writeUTF(action.name());
            out.write(action.jobId().bytes());
            if (action instanceof ChainAction.Commit c) {
                ResultCommitment rc = c.commitment().commitment();
                out.write(rc.resultHash().bytes());
                out.writeInt(rc.tokenCount());
                out.write(rc.chunkRoot().bytes());
                out.write(c.commitment().signature());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new SignedMessage(bytes.toByteArray(), seqno, validUntil);
    }

    @Override
    public synchronized void send(SignedMessage message) {
        requireReachable();
        if (dropSends > 0) {
            dropSends--;
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message.bytes()))) {
            byte[] magic = in.readNBytes(4);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a ledger message");
            }
            long seqno = in.readLong();
            long validUntil = in.readLong();
            in.readNBytes(16);
            String action = in.readUTF();
            Hash32 jobId = Hash32.of(in.readNBytes(32));
            boolean taken = seqno == seqno() && clock.millis() <= validUntil;
            db.setAutoCommit(false);
            try {
                if (taken) {
                    try (Statement s = db.createStatement()) {
                        s.executeUpdate("UPDATE wallet SET seqno = seqno + 1");
                    }
                    apply(action, jobId, in);
                }
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT INTO received (seqno, action, job, bytes, taken) VALUES (?, ?, ?, ?, ?)")) {
                    p.setLong(1, seqno);
                    p.setString(2, action);
                    p.setString(3, jobId.hex());
                    p.setBytes(4, message.bytes());
                    p.setInt(5, taken ? 1 : 0);
                    p.executeUpdate();
                }
                db.commit();
            } catch (SQLException | IOException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized MessageFate fate(SignedMessage message) {
        requireReachable();
        for (Received r : received()) {
            if (r.taken() && Arrays.equals(r.bytes(), message.bytes())) {
                return MessageFate.LANDED;
            }
        }
        return clock.instant().isAfter(message.validUntil()) ? MessageFate.EXPIRED : MessageFate.PENDING;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Job contract rules, as far as the runner's side needs them; a message out of turn changes nothing. */
    private void apply(String action, Hash32 jobId, DataInputStream in) throws SQLException, IOException {
        String state = stateOf(jobId);
        switch (action) {
            case "accept" -> {
                if (state.equals("open")) {
                    update(jobId, "accepted");
                }
            }
            case "commit" -> {
                if (state.equals("accepted")) {
                    Hash32 result = Hash32.of(in.readNBytes(32));
                    int count = in.readInt();
                    Hash32 root = Hash32.of(in.readNBytes(32));
                    byte[] signature = in.readNBytes(64);
                    try (PreparedStatement p = db.prepareStatement("UPDATE job SET state = 'committed', window_ends_ms = ?,"
                            + " result_hash = ?, token_count = ?, chunk_root = ?, signature = ? WHERE id = ?")) {
                        p.setLong(1, clock.millis() + challengeWindow.toMillis());
                        p.setString(2, result.hex());
                        p.setInt(3, count);
                        p.setString(4, root.hex());
                        p.setBytes(5, signature);
                        p.setString(6, jobId.hex());
                        p.executeUpdate();
                    }
                }
            }
            case "finalize" -> {
                Optional<ChainJob> job = job(jobId);
                if (job.isPresent() && job.get().state() instanceof JobState.Committed c
                        && !clock.instant().isBefore(c.challengeWindowEnds())) {
                    update(jobId, "finalized");
                }
            }
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    private void update(Hash32 jobId, String state) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE job SET state = ? WHERE id = ?")) {
            p.setString(1, state);
            p.setString(2, jobId.hex());
            p.executeUpdate();
        }
    }

    private long seqno() {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT seqno FROM wallet")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sampling(SamplingSpec s) {
        return s instanceof SamplingSpec.Sampled x
            ? x.temperatureMilli() + "," + x.topK() + "," + x.topPMicro() + "," + x.minPMicro() + "," + x.seed()
            : "greedy";
    }

    private static SamplingSpec sampling(String s) {
        if (s.equals("greedy")) {
            return new SamplingSpec.Greedy();
        }
        String[] f = s.split(",");
        return new SamplingSpec.Sampled(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
            Integer.parseInt(f[3]), Long.parseLong(f[4]));
    }
}

package io.cocoon4j.runner.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A crash-safe record of what this process means to do and what it has signed, in one SQLite file
 * (WAL mode, {@code synchronous=FULL}: a call that returned survives a {@code kill -9}, and a power
 * loss too, per SQLite's documentation).
 *
 * <p>The discipline that makes restarts safe:
 * <ol>
 *   <li>{@link #begin} an intent with everything needed to resume it, before acting on it;</li>
 *   <li>{@link #record} each local result (a fact) before relying on it elsewhere;</li>
 *   <li>get every on-chain message through {@link #outgoing}: it journals the signed bytes before
 *       returning them, and on a later call (after a restart) returns those same bytes instead of
 *       signing again, so a resend can never become a second action;</li>
 *   <li>mark what the chain confirms with {@link #landed} or {@link #expired}, and
 *       {@link #finish} the intent.</li>
 * </ol>
 * After a restart, {@link #unfinished()} lists what to resume. Every method is atomic (one SQLite
 * transaction) and thread-safe.
 */
public final class Journal implements AutoCloseable {
    private static final String SCHEMA_VERSION = "1";

    private final Path file;
    private final Connection db;
    private final Clock clock;

    private Journal(Path file, Connection db, Clock clock) {
        this.file = file;
        this.db = db;
        this.clock = clock;
    }

    /** Opens (or creates) the journal in {@code file}, with the system clock. */
    public static Journal open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /**
     * Opens (or creates) the journal in {@code file}.
     *
     * @throws JournalException if the file cannot be opened, is not a journal, or SQLite refuses
     *     write-ahead logging (e.g. on a file system without shared memory)
     */
    public static Journal open(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (java.io.IOException e) {
            throw new JournalException("cannot create the directory of " + abs + ": " + e.getMessage(), e);
        }
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                try (ResultSet mode = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                        throw new JournalException("SQLite refused write-ahead logging for " + abs);
                    }
                }
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS intent (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
                    + " key TEXT NOT NULL, details BLOB NOT NULL, state TEXT NOT NULL, note TEXT,"
                    + " created_ms INTEGER NOT NULL, finished_ms INTEGER)");
                s.execute("CREATE TABLE IF NOT EXISTS fact (intent TEXT NOT NULL REFERENCES intent(id),"
                    + " name TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (intent, name))");
                s.execute("CREATE TABLE IF NOT EXISTS outgoing (intent TEXT NOT NULL REFERENCES intent(id),"
                    + " action TEXT NOT NULL, attempt INTEGER NOT NULL, message BLOB NOT NULL, seqno INTEGER NOT NULL,"
                    + " valid_until_ms INTEGER NOT NULL, fate TEXT NOT NULL, PRIMARY KEY (intent, action, attempt))");
                s.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', '" + SCHEMA_VERSION + "')");
                try (ResultSet v = s.executeQuery("SELECT value FROM meta WHERE name = 'schema'")) {
                    if (!v.next() || !SCHEMA_VERSION.equals(v.getString(1))) {
                        throw new JournalException(abs + " is a journal of another schema version");
                    }
                }
            }
            db.setAutoCommit(false);
            return new Journal(abs, db, clock);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new JournalException("cannot open the journal " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** The journal's file. */
    public Path file() {
        return file;
    }

    /**
     * Begins an intent, or returns it unchanged if it was begun before (a retry after a restart).
     *
     * @param details everything needed to resume it
     * @throws JournalException if the intent exists with other details
     */
    public synchronized Intent begin(IntentId id, byte[] details) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        return tx(() -> {
            Optional<Intent> existing = find(id);
            if (existing.isPresent()) {
                Intent old = existing.get();
                if (old.state().isOpen() && !Arrays.equals(old.details(), details)) {
                    throw new JournalException("intent " + id + " was begun with other details");
                }
                return old;
            }
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO intent (id, kind, key, details, state, created_ms) VALUES (?, ?, ?, ?, 'open', ?)")) {
                p.setString(1, id.toString());
                p.setString(2, id.kind());
                p.setString(3, id.key());
                p.setBytes(4, details);
                p.setLong(5, clock.millis());
                p.executeUpdate();
            }
            return find(id).orElseThrow();
        });
    }

    /** The intent, if it was ever begun. */
    public synchronized Optional<Intent> intent(IntentId id) {
        return tx(() -> find(id));
    }

    /** Every open intent, oldest first: what a restart resumes. */
    public synchronized List<Intent> unfinished() {
        return tx(() -> {
            List<Intent> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement(
                    "SELECT id, kind, key, details, state, note, created_ms FROM intent WHERE state = 'open'"
                        + " ORDER BY created_ms, rowid")) {
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(intentOf(r));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Records a fact of an open intent (a local result to rely on after a restart). Recording the
     * same value again is a no-op.
     *
     * @throws JournalException if the intent is not open, or the fact was recorded with another value
     */
    public synchronized void record(IntentId id, String fact, byte[] value) {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(value, "value");
        tx(() -> {
            requireOpen(id);
            Optional<byte[]> old = readFact(id, fact);
            if (old.isPresent()) {
                if (!Arrays.equals(old.get(), value)) {
                    throw new JournalException("fact " + fact + " of " + id + " was recorded with another value");
                }
                return null;
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO fact (intent, name, value) VALUES (?, ?, ?)")) {
                p.setString(1, id.toString());
                p.setString(2, fact);
                p.setBytes(3, value);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** A recorded fact. */
    public synchronized Optional<byte[]> fact(IntentId id, String fact) {
        return tx(() -> readFact(id, fact));
    }

    /**
     * The message for {@code action}: the one journaled before if it has not expired, otherwise a
     * new one from {@code sign}, journaled before this method returns. Call it before every send.
     *
     * @param sign signs the action; called only when no live message is journaled
     * @throws JournalException if the intent is not open or the action already landed
     */
    public synchronized SignedMessage outgoing(IntentId id, String action, Supplier<SignedMessage> sign) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sign, "sign");
        return tx(() -> {
            requireOpen(id);
            Optional<Outgoing> last = latest(id, action);
            if (last.isPresent() && last.get().fate() == Outgoing.Fate.LANDED) {
                throw new JournalException("action " + action + " of " + id + " already landed");
            }
            if (last.isPresent() && last.get().fate() == Outgoing.Fate.SIGNED) {
                return last.get().message();
            }
            SignedMessage m = Objects.requireNonNull(sign.get(), "the signer returned no message");
            try (PreparedStatement p = db.prepareStatement("INSERT INTO outgoing (intent, action, attempt, message,"
                    + " seqno, valid_until_ms, fate) VALUES (?, ?, ?, ?, ?, ?, 'SIGNED')")) {
                p.setString(1, id.toString());
                p.setString(2, action);
                p.setInt(3, last.map(o -> o.attempt() + 1).orElse(1));
                p.setBytes(4, m.bytes());
                p.setLong(5, m.seqno());
                p.setLong(6, m.validUntil().toEpochMilli());
                p.executeUpdate();
            }
            return m;
        });
    }

    /** The latest attempt at {@code action}, if any. */
    public synchronized Optional<Outgoing> lastAttempt(IntentId id, String action) {
        return tx(() -> latest(id, action));
    }

    /** Every journaled attempt of an intent, in the order they were signed. */
    public synchronized List<Outgoing> attempts(IntentId id) {
        return tx(() -> {
            List<Outgoing> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT action, attempt, message, seqno, valid_until_ms, fate"
                    + " FROM outgoing WHERE intent = ? ORDER BY rowid")) {
                p.setString(1, id.toString());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(outgoingOf(id, r));
                    }
                }
            }
            return out;
        });
    }

    /** Whether {@code action} of the intent has landed. */
    public boolean hasLanded(IntentId id, String action) {
        return lastAttempt(id, action).map(o -> o.fate() == Outgoing.Fate.LANDED).orElse(false);
    }

    /**
     * Marks the live message of {@code action} as landed on-chain.
     *
     * @throws JournalException if no message of that action is journaled
     */
    public synchronized void landed(IntentId id, String action) {
        setFate(id, action, Outgoing.Fate.LANDED);
    }

    /**
     * Marks the live message of {@code action} as expired: its validity passed and the chain never
     * took it. The next {@link #outgoing} for the action signs a new one.
     *
     * @throws JournalException if no message of that action is journaled
     */
    public synchronized void expired(IntentId id, String action) {
        setFate(id, action, Outgoing.Fate.EXPIRED);
    }

    /**
     * Finishes an open intent: completed or abandoned. Its details and facts are erased (finished
     * intents keep their outcome and their signed messages only); finishing twice is a no-op.
     */
    public synchronized void finish(IntentId id, IntentState outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.isOpen()) {
            throw new IllegalArgumentException("an intent is finished as completed or abandoned");
        }
        tx(() -> {
            Intent intent = find(id).orElseThrow(() -> new JournalException("no intent " + id));
            if (!intent.state().isOpen()) {
                return null;
            }
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE intent SET state = ?, note = ?, details = x'', finished_ms = ? WHERE id = ?");
                 PreparedStatement f = db.prepareStatement("DELETE FROM fact WHERE intent = ?")) {
                p.setString(1, outcome instanceof IntentState.Completed ? "completed" : "abandoned");
                p.setString(2, outcome instanceof IntentState.Completed c ? c.summary() : ((IntentState.Abandoned) outcome).reason());
                p.setLong(3, clock.millis());
                p.setString(4, id.toString());
                p.executeUpdate();
                f.setString(1, id.toString());
                f.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void setFate(IntentId id, String action, Outgoing.Fate fate) {
        tx(() -> {
            Outgoing last = latest(id, action)
                .orElseThrow(() -> new JournalException("no message journaled for " + action + " of " + id));
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE outgoing SET fate = ? WHERE intent = ? AND action = ? AND attempt = ?")) {
                p.setString(1, fate.name());
                p.setString(2, id.toString());
                p.setString(3, action);
                p.setInt(4, last.attempt());
                p.executeUpdate();
            }
            return null;
        });
    }

    private void requireOpen(IntentId id) throws SQLException {
        Intent intent = find(id).orElseThrow(() -> new JournalException("no intent " + id));
        if (!intent.state().isOpen()) {
            throw new JournalException("intent " + id + " is finished (" + intent.state() + ")");
        }
    }

    private Optional<Intent> find(IntentId id) throws SQLException {
        Objects.requireNonNull(id, "id");
        try (PreparedStatement p = db.prepareStatement(
                "SELECT id, kind, key, details, state, note, created_ms FROM intent WHERE id = ?")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(intentOf(r)) : Optional.empty();
            }
        }
    }

    private Optional<byte[]> readFact(IntentId id, String fact) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM fact WHERE intent = ? AND name = ?")) {
            p.setString(1, id.toString());
            p.setString(2, fact);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    private Optional<Outgoing> latest(IntentId id, String action) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT action, attempt, message, seqno, valid_until_ms, fate"
                + " FROM outgoing WHERE intent = ? AND action = ? ORDER BY attempt DESC LIMIT 1")) {
            p.setString(1, id.toString());
            p.setString(2, action);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(outgoingOf(id, r)) : Optional.empty();
            }
        }
    }

    private static Outgoing outgoingOf(IntentId id, ResultSet r) throws SQLException {
        SignedMessage m = new SignedMessage(r.getBytes("message"), r.getLong("seqno"),
            Instant.ofEpochMilli(r.getLong("valid_until_ms")));
        return new Outgoing(id, r.getString("action"), r.getInt("attempt"), m, Outgoing.Fate.valueOf(r.getString("fate")));
    }

    private static Intent intentOf(ResultSet r) throws SQLException {
        IntentId id = new IntentId(r.getString("kind"), r.getString("key"));
        String note = r.getString("note");
        IntentState state = switch (r.getString("state")) {
            case "open" -> new IntentState.Open();
            case "completed" -> new IntentState.Completed(note);
            case "abandoned" -> new IntentState.Abandoned(note);
            default -> throw new JournalException("unknown intent state " + r.getString("state") + " for " + id);
        };
        byte[] details = r.getBytes("details");
        return new Intent(id, details == null ? new byte[0] : details, state, Instant.ofEpochMilli(r.getLong("created_ms")));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed (and durable) on return, rolled back on any failure. */
    private <T> T tx(Work<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new JournalException("journal " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already failing; the first error is reported.
            }
        }
    }
}

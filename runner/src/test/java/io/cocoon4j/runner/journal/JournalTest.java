package io.cocoon4j.runner.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final IntentId JOB = new IntentId("job", "ab".repeat(32));

    @TempDir
    Path dir;

    private static SignedMessage message(int seqno, int fill) {
        byte[] bytes = new byte[40];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new SignedMessage(bytes, seqno, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void theFileIsInWriteAheadLogMode() throws Exception {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.begin(JOB, new byte[] {1});
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("j.db"));
             ResultSet r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void beginIsIdempotentButNeverChangesAnIntentsMeaning() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            Intent first = j.begin(JOB, new byte[] {1, 2});
            assertThat(j.begin(JOB, new byte[] {1, 2}).created()).isEqualTo(first.created());
            assertThatThrownBy(() -> j.begin(JOB, new byte[] {9})).isInstanceOf(JournalException.class)
                .hasMessageContaining("other details");
            assertThat(j.intent(JOB).orElseThrow().details()).containsExactly(1, 2);
        }
    }

    @Test
    void factsAreWriteOnce() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.begin(JOB, new byte[0]);
            j.record(JOB, "output", new byte[] {7});
            j.record(JOB, "output", new byte[] {7});
            assertThatThrownBy(() -> j.record(JOB, "output", new byte[] {8})).isInstanceOf(JournalException.class);
            assertThat(j.fact(JOB, "output")).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
            assertThatThrownBy(() -> j.record(new IntentId("job", "other"), "x", new byte[0]))
                .isInstanceOf(JournalException.class).hasMessageContaining("no intent");
        }
    }

    @Test
    void aJournaledMessageIsReturnedAgainAfterAReopenAndNeverReSigned() {
        AtomicInteger signatures = new AtomicInteger();
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.begin(JOB, new byte[0]);
            SignedMessage m = j.outgoing(JOB, "accept", () -> message(5, signatures.incrementAndGet()));
            assertThat(m.seqno()).isEqualTo(5);
        }
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            assertThat(j.unfinished()).extracting(Intent::id).containsExactly(JOB);
            SignedMessage again = j.outgoing(JOB, "accept", () -> message(6, signatures.incrementAndGet()));
            assertThat(again).isEqualTo(message(5, 1));
            assertThat(signatures).hasValue(1);
            j.landed(JOB, "accept");
            assertThat(j.hasLanded(JOB, "accept")).isTrue();
            assertThatThrownBy(() -> j.outgoing(JOB, "accept", () -> message(7, 3))).isInstanceOf(JournalException.class)
                .hasMessageContaining("already landed");
        }
    }

    @Test
    void onlyAnExpiredMessageMakesRoomForANewAttempt() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.begin(JOB, new byte[0]);
            j.outgoing(JOB, "commit", () -> message(1, 1));
            j.expired(JOB, "commit");
            SignedMessage second = j.outgoing(JOB, "commit", () -> message(1, 2));
            assertThat(second).isEqualTo(message(1, 2));
            assertThat(j.lastAttempt(JOB, "commit").orElseThrow().attempt()).isEqualTo(2);
            assertThat(j.attempts(JOB)).extracting(Outgoing::fate)
                .containsExactly(Outgoing.Fate.EXPIRED, Outgoing.Fate.SIGNED);
        }
    }

    @Test
    void finishingErasesDetailsAndFactsButKeepsTheOutcomeAndTheMessages() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.begin(JOB, new byte[] {1, 2, 3});
            j.record(JOB, "output", new byte[] {4});
            j.outgoing(JOB, "finalize", () -> message(2, 2));
            j.landed(JOB, "finalize");
            j.finish(JOB, new IntentState.Completed("finalized: 1 tokens"));
            j.finish(JOB, new IntentState.Abandoned("ignored: already finished"));

            Intent done = j.intent(JOB).orElseThrow();
            assertThat(done.state()).isEqualTo(new IntentState.Completed("finalized: 1 tokens"));
            assertThat(done.details()).isEmpty();
            assertThat(j.fact(JOB, "output")).isEmpty();
            assertThat(j.attempts(JOB)).hasSize(1);
            assertThat(j.unfinished()).isEmpty();
            assertThatThrownBy(() -> j.record(JOB, "late", new byte[0])).isInstanceOf(JournalException.class)
                .hasMessageContaining("finished");
        }
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedClearly() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.write(junk, "this is not a database, it is a shopping list".repeat(100).getBytes());
        assertThatThrownBy(() -> Journal.open(junk)).isInstanceOf(JournalException.class).hasMessageContaining("junk.db");
    }
}

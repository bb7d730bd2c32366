package io.cocoon4j.network.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local network's state on disk: an append-only file of its inputs ({@link JournalEntry}), one
 * line each, forced to the disk before the caller gets its answer. A process killed at any point
 * loses at most the input it was writing, which no client was told about; a torn last line (no
 * newline) is ignored and cut off on the next open.
 */
final class ChainJournal implements AutoCloseable {
    static final String FILE_NAME = "chain.journal";

    private final Path file;
    private final FileChannel channel;

    private ChainJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating) the journal in {@code dir} and returns it with the complete entries it holds. */
    static Opened open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            List<JournalEntry> entries = new ArrayList<>();
            long keep = 0;
            if (Files.exists(file)) {
                byte[] all = Files.readAllBytes(file);
                int start = 0;
                for (int i = 0; i < all.length; i++) {
                    if (all[i] == '\n') {
                        String line = new String(all, start, i - start, StandardCharsets.US_ASCII);
                        try {
                            entries.add(JournalEntry.decode(line));
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("the chain journal " + file + " is damaged at byte " + start
                                    + " (" + e.getMessage() + "); move the state directory away to start a new chain", e);
                        }
                        start = i + 1;
                    }
                }
                keep = start;
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ch.truncate(keep); // drop a torn last line
            ch.position(keep);
            return new Opened(new ChainJournal(file, ch), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chain journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    record Opened(ChainJournal journal, List<JournalEntry> entries) {}

    /** Appends one entry and forces it to the disk. */
    synchronized void append(JournalEntry entry) {
        ByteBuffer buf = ByteBuffer.wrap((JournalEntry.encode(entry) + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chain journal " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

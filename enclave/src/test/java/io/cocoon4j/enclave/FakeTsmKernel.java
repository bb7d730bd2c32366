package io.cocoon4j.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Stands in for the kernel behind configfs-tsm in a temporary directory: real files, with the side
 * effects the kernel would add. mkdir populates {@code provider} and {@code generation}; a write to
 * {@code inblob} bumps {@code generation} and writes {@code outblob} (a quote made by
 * {@code quoteFor}); rmdir removes the attribute files as configfs does.
 */
final class FakeTsmKernel implements ConfigFs {

    String provider = "tdx_guest";
    /** Extra generation increments per inblob write, to simulate a racing writer. */
    int racingWrites;
    UnaryOperator<byte[]> quoteFor = reportData -> fakeQuote(reportData);
    int entriesCreated;
    /** False: a kernel that never produces outblob. */
    boolean answers = true;

    /** A stand-in quote: a recognisable header, then the REPORTDATA (not a real DCAP quote). */
    static byte[] fakeQuote(byte[] reportData) {
        byte[] quote = new byte[16 + reportData.length];
        System.arraycopy("FAKE-TDX-QUOTE--".getBytes(StandardCharsets.US_ASCII), 0, quote, 0, 16);
        System.arraycopy(reportData, 0, quote, 16, reportData.length);
        return quote;
    }

    @Override
    public void mkdir(Path dir) throws IOException {
        ConfigFs.SYSTEM.mkdir(dir);
        entriesCreated++;
        Files.writeString(dir.resolve("provider"), provider + "\n");
        Files.writeString(dir.resolve("generation"), "0\n");
    }

    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        ConfigFs.SYSTEM.write(file, bytes);
        if (answers && file.getFileName().toString().equals("inblob")) {
            Path generation = file.resolveSibling("generation");
            long g = Long.parseLong(Files.readString(generation).strip());
            Files.writeString(generation, (g + 1 + racingWrites) + "\n");
            Files.write(file.resolveSibling("outblob"), quoteFor.apply(bytes));
        }
    }

    @Override
    public byte[] read(Path file, int limit) throws IOException {
        return ConfigFs.SYSTEM.read(file, limit);
    }

    @Override
    public void rmdir(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        ConfigFs.SYSTEM.rmdir(dir);
    }
}

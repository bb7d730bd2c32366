package io.cocoon4j.wrappers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.tlb.gen.TlbGenerate;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract schema with everything the client generator offers — get-methods with arguments of
 * every kind, several results, a result of a schema type, a single-constructor message type, no
 * external type — generates a client that compiles against the chain and contracts modules.
 */
class ClientGeneratorCompileTest {

    private static final String SCHEMA = String.join("\n",
            "// ledger.tlb: a made-up contract for the generator",
            "entry$_ owner:MsgAddressInt amount:Coins note:(Maybe ^Cell) = Entry;",
            "ledger_storage$_ admin:MsgAddressInt total:Coins entries:(HashmapE 64 ^Entry) = LedgerStorage;",
            "add_entry#0a0b0c0d query_id:uint64 entry:^Entry = LedgerMsg;",
            "",
            "// Get-methods:",
            "//   get_total -> total:Coins",
            "//   get_entry(index:uint64) -> entry:Entry (a slice)",
            "//   get_stats(who:MsgAddressInt, since:uint32, strict:Bool, extra:Cell) -> count:uint32 sum:uint128 active:Bool",
            "//   get_admin -> admin:MsgAddressInt",
            "");

    @Test
    void generatedClientCompiles(@TempDir Path tmp) throws Exception {
        Path contracts = Files.createDirectories(tmp.resolve("func"));
        Files.writeString(contracts.resolve("ledger.tlb"), SCHEMA);
        Files.writeString(contracts.resolve("ledger.fc"), ";; only its presence matters here\n");
        Path out = tmp.resolve("src");
        TlbGenerate.run(List.of("--out", out.toString(), "--package", "org.example", "--contracts", contracts.toString()));

        Path client = out.resolve("org/example/ledger/LedgerContract.java");
        String source = Files.readString(client);
        assertThat(source)
                .contains("public BigInteger getTotal()")
                .contains("public Entry getEntry(BigInteger index)")
                .contains("public record GetStatsResult(long count, BigInteger sum, boolean active) {}")
                .contains("public GetStatsResult getStats(MsgAddress who, long since, boolean strict, Cell extra)")
                .contains("public Sent sendAddEntry(Sender via, BigInteger value, Entry entry)")
                .doesNotContain("sendExternal");

        List<Path> sources;
        try (Stream<Path> s = Files.walk(out)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("-d", tmp.resolve("classes").toString(), "-classpath", System.getProperty("java.class.path"),
                        "-Xlint:all", "-Werror"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(sources)).call();
        assertThat(ok).as(diagnostics.toString()).isTrue();
    }
}

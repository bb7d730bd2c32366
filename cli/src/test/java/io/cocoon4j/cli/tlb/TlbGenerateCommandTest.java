package io.cocoon4j.cli.tlb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.cli.Cocoon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cocoon tlb generate} on a schema given on the command line: its output compiles; bad schemas fail cleanly. */
class TlbGenerateCommandTest {

    private static final String SCHEMA = String.join("\n",
            "// a schema nobody in this project wrote: TEP-74's transfer and a dictionary",
            "transfer#0f8a7ea5 query_id:uint64 amount:(VarUInteger 16) destination:MsgAddress",
            "  response_destination:MsgAddress custom_payload:(Maybe ^Cell)",
            "  forward_ton_amount:(VarUInteger 16) forward_payload:(Either Cell ^Cell) = InternalMsgBody;",
            "excesses#d53276db query_id:uint64 = InternalMsgBody;",
            "book owners:(HashmapE 267 ^Entry) = Book;",
            "entry amount:Coins since:uint32 = Entry;",
            "");

    private static int run(List<String> args, StringWriter err) {
        CommandLine cl = Cocoon.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args.toArray(String[]::new));
    }

    @Test
    void generatesSourcesThatCompile(@TempDir Path tmp) throws Exception {
        Path schema = tmp.resolve("jetton.tlb");
        Files.writeString(schema, SCHEMA);
        Path out = tmp.resolve("src");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = run(List.of("tlb", "generate", "--package", "org.example.jetton", "--out", out.toString(), "--json",
                    schema.toString()), new StringWriter());
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isZero();
        String json = captured.toString(StandardCharsets.UTF_8).trim();
        assertThat(json).startsWith("{").endsWith("}").contains("\"package\" : \"org.example.jetton\"");

        List<Path> sources;
        try (Stream<Path> s = Files.walk(out)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("InternalMsgBody.java", "Book.java", "Entry.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-d", tmp.resolve("classes").toString(), "-classpath",
                System.getProperty("java.class.path"), "-Xlint:all", "-Werror");
        boolean ok = javac.getTask(diagnostics, null, null, options, null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(sources)).call();
        assertThat(ok).as(diagnostics.toString()).isTrue();
    }

    @Test
    void aBadSchemaIsOneLineWithItsPosition(@TempDir Path tmp) throws Exception {
        Path schema = tmp.resolve("bad.tlb");
        Files.writeString(schema, "ok$0 x:uint8 = A;\nbroken$1 y:(uint8 = A;\n");
        StringWriter err = new StringWriter();
        int code = run(List.of("tlb", "generate", "--package", "p", "--out", tmp.resolve("o").toString(),
                schema.toString()), err);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().trim()).isEqualTo("cocoon tlb generate: " + schema + ":2:22: expected ')', found ';'");
        assertThat(tmp.resolve("o")).doesNotExist();

        StringWriter missing = new StringWriter();
        assertThat(run(List.of("tlb", "generate", "--package", "p", "--out", tmp.toString(),
                tmp.resolve("nope.tlb").toString()), missing)).isEqualTo(1);
        assertThat(missing.toString()).contains("schema file not found");
    }
}

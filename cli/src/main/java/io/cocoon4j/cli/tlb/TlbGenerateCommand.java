package io.cocoon4j.cli.tlb;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.tlb.gen.TlbGenerate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cocoon tlb generate --package PKG --out DIR SCHEMA.tlb...}: Java records, sealed
 * interfaces and codecs for every type of the schemas. A bad schema is one line
 * {@code file:line:column: problem} and exit code 1; nothing is written then.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
        "Generate Java (records, sealed interfaces, load/store on ton4j cells) from TL-B schemas.",
        "The generated code needs cocoon4j-tlb-codegen (its runtime) and ton4j cell on the classpath."})
public final class TlbGenerateCommand implements Callable<Integer> {
    @Option(names = "--package", required = true, paramLabel = "PKG", description = "Java package of the generated types.")
    String pkg;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Source root to write into (PKG's folders are created).")
    Path out;

    @Mixin
    ReportOptions output;

    @Parameters(arity = "1..*", paramLabel = "SCHEMA.tlb", description = "TL-B files; together they form one schema.")
    List<Path> schemas;

    @Override
    public Integer call() throws IOException {
        List<String> args = new ArrayList<>(List.of("--package", pkg, "--out", out.toString()));
        schemas.forEach(s -> args.add(s.toString()));
        List<Path> written = TlbGenerate.run(args);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("package", pkg);
        report.put("out", out.toAbsolutePath().toString());
        report.put("schemas", schemas.stream().map(Path::toString).toList());
        report.put("files", written.stream().map(Path::toString).toList());
        output.print(report);
        return 0;
    }
}

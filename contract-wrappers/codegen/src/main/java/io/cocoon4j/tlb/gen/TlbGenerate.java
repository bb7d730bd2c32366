package io.cocoon4j.tlb.gen;

import io.cocoon4j.tlb.schema.Schema;
import io.cocoon4j.tlb.schema.SchemaParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates Java from TL-B files: {@code --package PKG --out DIR SCHEMA.tlb... [--package PKG2 SCHEMA2.tlb...]}.
 * Each {@code --package} applies to the schema files after it; files of one package form one schema.
 * Used by the Maven build (exec-maven-plugin) and by {@code cocoon tlb generate}.
 */
public final class TlbGenerate {
    private TlbGenerate() {}

    public static void main(String[] args) throws IOException {
        List<Path> written = run(List.of(args));
        System.err.println("tlb-codegen: wrote " + written.size() + " Java files");
    }

    /**
     * Parses the arguments, generates and writes the sources; returns the files written.
     *
     * @throws io.cocoon4j.tlb.schema.TlbSchemaException for a bad schema (message starts with file:line:column)
     * @throws IllegalArgumentException for bad arguments
     */
    public static List<Path> run(List<String> args) throws IOException {
        Path out = null;
        String pkg = null;
        Map<String, List<Path>> schemas = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--package") || a.equals("--out")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args.get(++i);
                if (a.equals("--out")) {
                    out = Path.of(v);
                } else {
                    if (!v.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
                        throw new IllegalArgumentException("not a Java package name: " + v);
                    }
                    pkg = v;
                }
            } else {
                if (pkg == null) {
                    throw new IllegalArgumentException("--package must come before the schema files");
                }
                schemas.computeIfAbsent(pkg, k -> new ArrayList<>()).add(Path.of(a));
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("no schema files given");
        }
        return write(out, schemas);
    }

    /** Generates every package and writes the files under {@code out}, all or nothing per package. */
    public static List<Path> write(Path out, Map<String, List<Path>> schemas) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : schemas.entrySet()) {
            Schema schema = new Schema(List.of());
            for (Path p : e.getValue()) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("schema file not found: " + p);
                }
                schema = schema.plus(SchemaParser.parse(p));
            }
            Map<String, String> files = JavaGenerator.generate(schema, e.getKey());
            Path dir = out.resolve(e.getKey().replace('.', '/'));
            Files.createDirectories(dir);
            files.forEach((name, src) -> {
                Path f = dir.resolve(name);
                try {
                    Files.writeString(f, src, StandardCharsets.UTF_8);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                written.add(f);
            });
        }
        return written;
    }
}

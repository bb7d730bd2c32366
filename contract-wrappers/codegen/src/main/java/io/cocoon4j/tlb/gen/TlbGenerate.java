package io.cocoon4j.tlb.gen;

import io.cocoon4j.tlb.schema.Schema;
import io.cocoon4j.tlb.schema.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Generates Java from TL-B files. Arguments:
 * <ul>
 *   <li>{@code --out DIR}: the source root written into;</li>
 *   <li>{@code --package PKG SCHEMA.tlb...}: the types of these files (one schema) in PKG; repeatable;</li>
 *   <li>{@code --keep-standard}: after {@code --package}, give block.tlb's standard types
 *       (Coins, Grams, MsgAddress...) records of their own instead of BigInteger/MsgAddress;</li>
 *   <li>{@code --contracts DIR}: after {@code --package BASE}, every {@code NAME.tlb} in DIR becomes
 *       package {@code BASE.NAME} with its types and, when {@code NAME.fc} is there too, the typed
 *       client {@code NameContract} ({@link ClientGenerator}).</li>
 * </ul>
 * Used by the Maven build (exec-maven-plugin) and by {@code cocoon tlb generate}. Every schema is
 * parsed and generated before anything is written, so a bad schema writes nothing.
 */
public final class TlbGenerate {
    private TlbGenerate() {}

    public static void main(String[] args) throws IOException {
        List<Path> written = run(List.of(args));
        System.err.println("tlb-codegen: wrote " + written.size() + " Java files");
    }

    /** One package to generate. */
    private static final class Unit {
        final String pkg;
        final List<Path> schemas = new ArrayList<>();
        boolean keepStandard;
        String client;

        Unit(String pkg) {
            this.pkg = pkg;
        }
    }

    /**
     * Parses the arguments, generates and writes the sources; returns the files written.
     *
     * @throws io.cocoon4j.tlb.schema.TlbSchemaException for a bad schema (message starts with file:line:column)
     * @throws IllegalArgumentException for bad arguments or a missing file
     */
    public static List<Path> run(List<String> args) throws IOException {
        Path out = null;
        Map<String, Unit> units = new LinkedHashMap<>();
        Unit current = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--package" -> {
                    String pkg = value(args, ++i, a);
                    checkPackage(pkg);
                    current = units.computeIfAbsent(pkg, Unit::new);
                }
                case "--keep-standard" -> requirePackage(current, a).keepStandard = true;
                case "--contracts" -> {
                    String base = requirePackage(current, a).pkg;
                    Path dir = Path.of(value(args, ++i, a));
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalArgumentException("contracts folder not found: " + dir);
                    }
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path p : files.filter(f -> f.toString().endsWith(".tlb")).sorted().toList()) {
                            String name = p.getFileName().toString().replaceAll("\\.tlb$", "");
                            String pkg = base + "." + name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
                            Unit u = units.computeIfAbsent(pkg, Unit::new);
                            u.schemas.add(p);
                            // a client only for a schema with its contract next to it (NAME.fc)
                            if (Files.isRegularFile(dir.resolve(name + ".fc"))) {
                                u.client = name;
                            }
                        }
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    requirePackage(current, "a schema file").schemas.add(Path.of(a));
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (units.values().stream().allMatch(u -> u.schemas.isEmpty())) {
            throw new IllegalArgumentException("no schema files given");
        }
        // generate everything first: a bad schema must leave the output untouched
        Map<Path, String> files = new LinkedHashMap<>();
        for (Unit u : units.values()) {
            if (!u.schemas.isEmpty()) {
                generate(u, out, files);
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            Files.createDirectories(f.getKey().getParent());
            Files.writeString(f.getKey(), f.getValue(), StandardCharsets.UTF_8);
            written.add(f.getKey());
        }
        return written;
    }

    private static void generate(Unit u, Path out, Map<Path, String> files) throws IOException {
        Schema schema = new Schema(List.of());
        Set<GetMethods.GetMethod> getters = new LinkedHashSet<>();
        for (Path p : u.schemas) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("schema file not found: " + p);
            }
            String text = Files.readString(p, StandardCharsets.UTF_8);
            schema = schema.plus(SchemaParser.parse(p.toString(), text));
            getters.addAll(GetMethods.parse(p.toString(), text));
        }
        Path dir = out.resolve(u.pkg.replace('.', '/'));
        JavaGenerator.generate(schema, u.pkg, u.keepStandard).forEach((name, src) -> files.put(dir.resolve(name), src));
        if (u.client != null) {
            JavaGenerator types = JavaGenerator.of(schema, u.pkg, u.keepStandard);
            files.put(dir.resolve(ClientGenerator.fileName(u.client)),
                    ClientGenerator.generate(u.client, u.pkg, types, List.copyOf(getters)));
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Unit requirePackage(Unit current, String what) {
        if (current == null) {
            throw new IllegalArgumentException("--package must come before " + what);
        }
        return current;
    }

    private static void checkPackage(String pkg) {
        if (!pkg.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("not a Java package name: " + pkg);
        }
    }
}

package io.cocoon4j.tlb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cocoon4j.contracts.NodeScript;
import io.cocoon4j.tlb.schema.Constructor;
import io.cocoon4j.tlb.schema.Field;
import io.cocoon4j.tlb.schema.ImplicitTag;
import io.cocoon4j.tlb.schema.Schema;
import io.cocoon4j.tlb.schema.SchemaParser;
import io.cocoon4j.tlb.schema.TypeExpr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our implicit tags (tlbc's rule, {@link ImplicitTag}) against an independent implementation, the
 * npm package {@code @ton-community/tlb-codegen} (which clears the top bit): the low 31 bits must
 * agree. Runs src/test/node/tlb-codegen-tags.js; skips when node or contracts/node_modules is missing
 * (run {@code npm ci} in contracts/).
 */
class TlbCodegenComparisonTest {
    private static Path modules;
    private static Path script;

    @BeforeAll
    static void locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts/node_modules/@ton-community/tlb-codegen"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "contracts/node_modules/@ton-community/tlb-codegen not installed: run npm ci in contracts/");
        modules = dir.resolve("contracts/node_modules");
        script = Path.of("src/test/node/tlb-codegen-tags.js").toAbsolutePath();
        assumeTrue(NodeScript.available(), "node is not on the PATH");
    }


    /** tlb-codegen's tags by "Type::constructor" (hex, top bit cleared), for 32-bit tags only. */
    private static Map<String, Long> theirTags(Path schema) {
        NodeScript.Result r = NodeScript.of(script.toString(), modules.toString(), schema.toString())
                .run(Duration.ofSeconds(60));
        String out = r.stdoutText();
        assertThat(r.exitCode()).as(out + r.stderr()).isZero();
        Map<String, Long> tags = new HashMap<>();
        Matcher m = Pattern.compile("\\{\"type\":\"([^\"]+)\",\"constructor\":\"([^\"]+)\",\"bits\":32,\"tag\":\"0x([0-9a-f]+)\"}")
                .matcher(out);
        while (m.find()) {
            tags.put(m.group(1) + "::" + m.group(2), Long.parseLong(m.group(3), 16));
        }
        return tags;
    }

    @Test
    void randomDeclarationsGetTheSameLow31Bits(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(20261130);
        StringBuilder schema = new StringBuilder(PRELUDE);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String ctor = "c" + i + "_" + word(rnd);
            schema.append(randomDeclaration(rnd, ctor, "R" + i, i)).append('\n');
            names.add("R" + i + "::" + ctor);
        }
        Path file = tmp.resolve("random.tlb");
        Files.writeString(file, schema);

        Map<String, Long> ours = new HashMap<>();
        Map<String, String> forms = new HashMap<>();
        for (Constructor c : SchemaParser.parse(file).constructors()) {
            if (!c.explicitTag()) {
                ours.put(c.typeName() + "::" + c.name(), c.tag().value());
                forms.put(c.typeName() + "::" + c.name(), ImplicitTag.normalForm(c));
            }
        }
        Map<String, Long> theirs = theirTags(file);
        for (String n : names) {
            assertThat(theirs).as("tlb-codegen tag for " + n).containsKey(n);
            assertThat(ours.get(n) & 0x7fffffffL).as(n + ": " + forms.get(n)).isEqualTo(theirs.get(n));
        }
    }

    /**
     * Every constructor with an implicit tag in the block.tlb that ships with tlb-codegen (the whole
     * file must parse). Where tlbc's normal form and tlb-codegen's text rule provably differ (braces,
     * {@code _:} fields, products, {@code ~} in the result) the tags may differ; everywhere else they agree.
     */
    @Test
    void blockTlbImplicitTagsAgreeWhereBothRulesPrintTheSameText() throws Exception {
        Path block = modules.resolve("@ton-community/tlb-codegen/test/tlb/block.tlb");
        Schema schema = SchemaParser.parse(block);
        assertThat(schema.constructors()).hasSizeGreaterThan(300);
        Map<String, Long> theirs = theirTags(block);
        int compared = 0;
        for (Constructor c : schema.constructors()) {
            String key = c.typeName() + "::" + c.name();
            if (c.explicitTag() || !theirs.containsKey(key)) {
                continue;
            }
            if (sameTextUnderBothRules(c)) {
                assertThat(c.tag().value() & 0x7fffffffL).as(key + ": " + ImplicitTag.normalForm(c))
                        .isEqualTo(theirs.get(key));
                compared++;
            }
        }
        // block.tlb writes explicit tags almost everywhere; these are the implicit ones without braces
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }

    private static boolean sameTextUnderBothRules(Constructor c) {
        for (Field f : c.fields()) {
            if (!f.isExplicit() || f.name() == null || hasMulOrAnon(f.type())) {
                return false;
            }
        }
        return !c.negatedParams().contains(true) && !c.source().contains("//") && !c.source().contains("/*");
    }

    private static boolean hasMulOrAnon(TypeExpr e) {
        if (e instanceof TypeExpr.Mul || e instanceof TypeExpr.Anonymous) {
            return true;
        }
        if (e instanceof TypeExpr.Apply a) {
            return a.args().stream().anyMatch(TlbCodegenComparisonTest::hasMulOrAnon);
        }
        if (e instanceof TypeExpr.Ref r) {
            return hasMulOrAnon(r.inner());
        }
        return false;
    }

    // ---------------------------------------------------------------- random declarations

    private static final String PRELUDE = String.join("\n",
            "bool_false$0 = Bool;",
            "bool_true$1 = Bool;",
            "nothing$0 {X:Type} = Maybe X;",
            "just$1 {X:Type} value:X = Maybe X;",
            "left$0 {X:Type} {Y:Type} value:X = Either X Y;",
            "right$1 {X:Type} {Y:Type} value:Y = Either X Y;",
            "var_uint$_ {n:#} len:(#< n) value:(uint (len * 8)) = VarUInteger n;",
            "");

    private static String word(Random rnd) {
        String[] w = {"transfer", "notify", "set", "get", "op", "x", "mint", "burn", "stake", "vote", "commit"};
        return w[rnd.nextInt(w.length)];
    }

    private static String randomDeclaration(Random rnd, String ctor, String type, int index) {
        StringBuilder sb = new StringBuilder(ctor);
        int fields = rnd.nextInt(6);
        List<String> nats = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            String name = "f" + f + (rnd.nextBoolean() ? "_" + word(rnd) : "");
            // tlb-codegen hashes a line break right after the constructor name as part of the name,
            // a quirk of its text rule, so the first field always follows a plain space
            sb.append(f > 0 && rnd.nextInt(8) == 0 ? "\n  " : " ").append(name).append(':');
            if (rnd.nextInt(4) == 0) {
                String n = "(## " + (1 + rnd.nextInt(16)) + ")";
                sb.append(n);
                nats.add(name);
            } else if (!nats.isEmpty() && rnd.nextInt(4) == 0) {
                sb.append("(bits ").append(nats.get(rnd.nextInt(nats.size()))).append(')');
            } else {
                sb.append(randomType(rnd, 0, index, true));
            }
        }
        return sb.append(" = ").append(type).append(';').toString();
    }

    private static String randomType(Random rnd, int depth, int index, boolean top) {
        int pick = rnd.nextInt(depth > 2 ? 7 : 12);
        String t = switch (pick) {
            case 0 -> "uint" + (1 + rnd.nextInt(256));
            case 1 -> "int" + (1 + rnd.nextInt(257));
            case 2 -> "bits" + (1 + rnd.nextInt(512));
            case 3 -> "Bool";
            case 4 -> "#";
            case 5 -> index > 0 ? "R" + rnd.nextInt(index) : "Cell";
            case 6 -> "(## " + (1 + rnd.nextInt(32)) + ")";
            case 7 -> "^" + randomType(rnd, depth + 1, index, false);
            case 8 -> "(Maybe " + randomType(rnd, depth + 1, index, false) + ")";
            case 9 -> "(Either " + randomType(rnd, depth + 1, index, false) + " "
                    + randomType(rnd, depth + 1, index, false) + ")";
            case 10 -> "(VarUInteger " + (2 + rnd.nextInt(31)) + ")";
            default -> "^Cell";
        };
        // a bare "## n" needs its parentheses only at the top of a field
        return t;
    }
}

package io.cocoon4j.tlb.gen;

import io.cocoon4j.tlb.schema.Constructor;
import io.cocoon4j.tlb.schema.Field;
import io.cocoon4j.tlb.schema.Schema;
import io.cocoon4j.tlb.schema.TlbSchemaException;
import io.cocoon4j.tlb.schema.TypeExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Generates Java sources from a TL-B schema: per type a record (one constructor) or a sealed
 * interface with one nested record per constructor, each with {@code load}/{@code store} on ton4j
 * cells through {@link io.cocoon4j.tlb.runtime.TlbReader}/{@link io.cocoon4j.tlb.runtime.TlbWriter}.
 *
 * <p>Built in, never generated even when the schema declares them: {@code Bool} (boolean),
 * {@code Maybe} (Optional), {@code Either}, {@code VarUInteger}/{@code VarInteger} (BigInteger),
 * {@code HashmapE} (a Map keyed by BigInteger) and the hashmap internals. Built in unless the
 * schema declares them: {@code Coins}/{@code Grams} (BigInteger) and {@code MsgAddress},
 * {@code MsgAddressInt}, {@code MsgAddressExt} ({@link io.cocoon4j.tlb.runtime.MsgAddress}).
 */
public final class JavaGenerator {
    static final Set<String> ALWAYS_BUILTIN = Set.of("Bool", "Maybe", "Either", "VarUInteger", "VarInteger",
            "HashmapE", "Hashmap", "HashmapNode", "HmLabel", "Unary", "Bit", "BoolFalse", "BoolTrue");
    private static final Set<String> BUILTIN_UNLESS_DECLARED = Set.of("Coins", "Grams", "MsgAddress",
            "MsgAddressInt", "MsgAddressExt");

    /** block.tlb's own declarations of the standard types, in tlbc's normal form. */
    private static final Map<String, Set<String>> STANDARD = Map.of(
            "Grams", Set.of("nanograms amount:VarUInteger 16 = Grams"),
            "Coins", Set.of("_ grams:Grams = Coins"),
            "MsgAddressInt", Set.of(
                    "addr_std anycast:Maybe Anycast workchain_id:int8 address:bits256 = MsgAddressInt",
                    "addr_var anycast:Maybe Anycast addr_len:## 9 workchain_id:int32 address:bits addr_len = MsgAddressInt"),
            "MsgAddressExt", Set.of("addr_none = MsgAddressExt",
                    "addr_extern len:## 9 external_address:bits len = MsgAddressExt"),
            "MsgAddress", Set.of("_ MsgAddressInt = MsgAddress", "_ MsgAddressExt = MsgAddress"));

    private final String pkg;
    private final Map<String, List<Constructor>> types = new LinkedHashMap<>();

    private JavaGenerator(Schema schema, String pkg, boolean keepStandard) {
        this.pkg = pkg;
        schema.byType().forEach((name, cs) -> {
            if (!ALWAYS_BUILTIN.contains(name) && (keepStandard || !isStandard(name, cs))) {
                types.put(name, cs);
            }
        });
    }

    /** A schema that repeats block.tlb's declaration of Coins, Grams or an address type exactly. */
    private static boolean isStandard(String name, List<Constructor> cs) {
        Set<String> std = STANDARD.get(name);
        if (std == null || std.size() != cs.size()) {
            return false;
        }
        return cs.stream().allMatch(c -> std.contains(io.cocoon4j.tlb.schema.ImplicitTag.normalForm(c)));
    }

    /**
     * Java sources by file name ({@code Foo.java}) for the schema's types, in package {@code pkg}.
     * Standard types the schema repeats from block.tlb (Coins, Grams, MsgAddress, MsgAddressInt,
     * MsgAddressExt) map to BigInteger and {@link io.cocoon4j.tlb.runtime.MsgAddress}.
     */
    public static Map<String, String> generate(Schema schema, String pkg) {
        return generate(schema, pkg, false);
    }

    /** As {@link #generate(Schema, String)}; with {@code keepStandard}, standard types get records too. */
    public static Map<String, String> generate(Schema schema, String pkg, boolean keepStandard) {
        return new JavaGenerator(schema, pkg, keepStandard).all();
    }

    /** A generator for a schema, for callers that need the Java view of its types (client generation). */
    public static JavaGenerator of(Schema schema, String pkg, boolean keepStandard) {
        return new JavaGenerator(schema, pkg, keepStandard);
    }

    /** One component of a generated record: the TL-B field name, the Java name and the Java type. */
    public record Component(String tlbName, String javaName, String javaType) {}

    /** The record components the generator gives a constructor, in order. */
    public List<Component> components(Constructor c) {
        List<Component> out = new ArrayList<>();
        for (FieldCode fc : fieldCodes(c, new Ctx(c, typeParams(c)))) {
            if (fc.javaName != null) {
                out.add(new Component(fc.field.name(), fc.javaName, fc.mapped.type));
            }
        }
        return out;
    }

    /** The Java name of a generated type, or null when the type is built in or not declared. */
    public String javaName(String tlbType) {
        return types.containsKey(tlbType) ? Names.upperCamel(tlbType) : null;
    }

    /** The Java names of a sum type's constructor records, in declaration order. */
    public List<String> recordNamesOf(String tlbType) {
        List<Constructor> cs = types.get(tlbType);
        return cs.size() == 1 ? List.of(Names.upperCamel(tlbType)) : recordNames(cs);
    }

    /** The constructors of a declared, generated type. */
    public List<Constructor> constructorsOf(String tlbType) {
        return types.getOrDefault(tlbType, List.of());
    }

    private Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        types.forEach((name, cs) -> files.put(Names.upperCamel(name) + ".java", type(name, cs)));
        return files;
    }

    // ---------------------------------------------------------------- types

    /** The type parameters ({X:Type}) of a type, taken from its first constructor. */
    private List<String> typeParams(Constructor c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.params().size(); i++) {
            TypeExpr p = c.params().get(i);
            Field f = p instanceof TypeExpr.FieldRef r ? implicitField(c, r.name()) : null;
            if (f == null || !(f.type() instanceof TypeExpr.Kind) || c.negatedParams().get(i)) {
                throw unsupported(p.pos(), "type '" + c.typeName()
                        + "' has a natural-number parameter; only {X:Type} parameters are supported");
            }
            out.add(f.name());
        }
        return out;
    }

    private static Field implicitField(Constructor c, String name) {
        for (Field f : c.fields()) {
            if (f.kind() == Field.Kind.IMPLICIT && name.equals(f.name())) {
                return f;
            }
        }
        return null;
    }

    private String type(String tlbName, List<Constructor> cs) {
        String javaName = Names.upperCamel(tlbName);
        List<String> params = typeParams(cs.get(0));
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append("import io.cocoon4j.tlb.runtime.*;\n");
        sb.append("import java.math.BigInteger;\n");
        sb.append("import java.util.Map;\n");
        sb.append("import java.util.Objects;\n");
        sb.append("import java.util.Optional;\n");
        sb.append("import org.ton.ton4j.cell.Cell;\n");
        sb.append("import org.ton.ton4j.cell.CellBuilder;\n");
        sb.append("import org.ton.ton4j.cell.CellSlice;\n\n");
        String generics = generics(params);
        if (cs.size() == 1) {
            sb.append("/**\n * TL-B type {@code ").append(tlbName).append("}, generated from:\n * <pre>{@code\n * ")
                    .append(javadocSafe(cs.get(0).source())).append("\n * }</pre>\n */\n");
            record(sb, cs.get(0), javaName, javaName, params, true, "");
        } else {
            sb.append("/**\n * TL-B type {@code ").append(tlbName).append("}, one record per constructor:\n * <pre>{@code\n");
            for (Constructor c : cs) {
                sb.append(" * ").append(javadocSafe(c.source())).append('\n');
            }
            sb.append(" * }</pre>\n */\n");
            sb.append("public sealed interface ").append(javaName).append(generics)
                    .append(params.isEmpty() ? " extends TlbValue" : "").append(" {\n");
            dispatch(sb, tlbName, javaName, cs, params);
            List<String> recordNames = recordNames(cs);
            for (int i = 0; i < cs.size(); i++) {
                sb.append('\n');
                record(sb, cs.get(i), recordNames.get(i), javaName, params, false, "    ");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    private static String javadocSafe(String s) {
        return s.replace("*/", "*&#47;").replace("@", "{@literal @}");
    }

    private static String generics(List<String> params) {
        if (params.isEmpty()) {
            return "";
        }
        List<String> j = new ArrayList<>();
        params.forEach(p -> j.add(Names.upperCamel(p)));
        return "<" + String.join(", ", j) + ">";
    }

    private static String codecParams(List<String> params) {
        StringBuilder sb = new StringBuilder();
        for (String p : params) {
            sb.append(", TlbCodec<").append(Names.upperCamel(p)).append("> ").append(codecName(p));
        }
        return sb.toString();
    }

    private static String codecArgs(List<String> params) {
        StringBuilder sb = new StringBuilder();
        for (String p : params) {
            sb.append(", ").append(codecName(p));
        }
        return sb.toString();
    }

    private static String codecName(String typeParam) {
        return Names.lowerCamel(typeParam) + "Codec";
    }

    private List<String> recordNames(List<Constructor> cs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            Constructor c = cs.get(i);
            String n;
            if (c.name() != null) {
                n = Names.upperCamel(c.name());
            } else {
                Field first = c.fields().stream().filter(Field::isExplicit).findFirst().orElse(null);
                n = first != null && first.type() instanceof TypeExpr.Apply a ? "Of" + Names.upperCamel(a.name())
                        : "Variant" + (i + 1);
            }
            while (names.contains(n)) {
                n = n + "_";
            }
            names.add(n);
        }
        return names;
    }

    /** The sealed interface's {@code load}: picks the constructor by the bits that begin it. */
    private void dispatch(StringBuilder sb, String tlbName, String javaName, List<Constructor> cs, List<String> params) {
        String g = generics(params);
        String gPrefix = g.isEmpty() ? "" : g + " ";
        List<String> recordNames = recordNames(cs);
        sb.append("    /**\n     * Reads a {@code ").append(tlbName)
                .append("}, choosing the constructor by the bits it begins with.\n")
                .append("     *\n     * @throws TlbDecodeException when no constructor matches or its fields do not decode\n     */\n");
        sb.append("    static ").append(gPrefix).append(javaName).append(g).append(" load(CellSlice slice")
                .append(codecParams(params)).append(") {\n");
        sb.append("        TlbReader in = TlbReader.begin(slice, \"").append(tlbName).append("\", \"?\");\n");
        // longer prefixes first, catch-alls last
        List<int[]> order = new ArrayList<>();
        List<List<String>> prefixes = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            prefixes.add(new ArrayList<>(beginsWith(cs.get(i), new LinkedHashSet<>())));
        }
        for (int i = 0; i < cs.size(); i++) {
            order.add(new int[] {i});
        }
        order.sort((a, b) -> Integer.compare(prefixes.get(b[0]).stream().mapToInt(String::length).min().orElse(0),
                prefixes.get(a[0]).stream().mapToInt(String::length).min().orElse(0)));
        for (int[] o : order) {
            int i = o[0];
            List<String> conds = new ArrayList<>();
            boolean always = false;
            for (String p : prefixes.get(i)) {
                if (p.isEmpty()) {
                    always = true;
                }
                conds.add("in.peekIs(\"" + p + "\")");
            }
            String call = recordNames.get(i) + ".load(slice" + codecArgs(params) + ")";
            if (always) {
                sb.append("        return ").append(call).append(";\n    }\n");
                return;
            }
            sb.append("        if (").append(String.join(" || ", conds)).append(") {\n");
            sb.append("            return ").append(call).append(";\n        }\n");
        }
        sb.append("        throw in.noConstructor();\n    }\n");
        fromCell(sb, javaName, tlbName, params, "    ", "static ");
    }

    /** The bit prefixes a constructor's serialisation can begin with ("" for any). */
    private Set<String> beginsWith(Constructor c, Set<String> visiting) {
        Set<String> out = new LinkedHashSet<>();
        if (c.tag().bits() > 0) {
            out.add(c.tag().binary());
            return out;
        }
        Field first = c.fields().stream().filter(Field::isExplicit).findFirst().orElse(null);
        if (first != null && first.type() instanceof TypeExpr.Apply a && a.args().isEmpty()) {
            if (types.containsKey(a.name()) && visiting.add(a.name())) {
                for (Constructor inner : types.get(a.name())) {
                    out.addAll(beginsWith(inner, visiting));
                }
                return out;
            }
            if (a.name().equals("MsgAddressInt") && !types.containsKey(a.name())) {
                return Set.of("10", "11");
            }
            if (a.name().equals("MsgAddressExt") && !types.containsKey(a.name())) {
                return Set.of("00", "01");
            }
        }
        out.add("");
        return out;
    }

    private void fromCell(StringBuilder sb, String javaName, String tlbName, List<String> params, String ind, String mod) {
        String g = generics(params);
        String gPrefix = g.isEmpty() ? "" : g + " ";
        sb.append('\n').append(ind).append("/**\n").append(ind)
                .append(" * Decodes a whole cell as a {@code ").append(tlbName).append("}.\n").append(ind)
                .append(" *\n").append(ind)
                .append(" * @throws TlbDecodeException when it does not match, or bits or references are left over\n")
                .append(ind).append(" */\n");
        sb.append(ind).append(mod.isEmpty() ? "public static " : mod).append(gPrefix).append(javaName).append(g)
                .append(" fromCell(Cell cell").append(codecParams(params)).append(") {\n");
        sb.append(ind).append("    CellSlice slice = CellSlice.beginParse(cell);\n");
        sb.append(ind).append("    ").append(javaName).append(g).append(" value = load(slice")
                .append(codecArgs(params)).append(");\n");
        sb.append(ind).append("    TlbReader.begin(slice, \"").append(tlbName).append("\", \"?\").end();\n");
        sb.append(ind).append("    return value;\n").append(ind).append("}\n");
    }

    // ---------------------------------------------------------------- records

    private record FieldCode(Field field, String javaName, Mapped mapped) {}

    /** The fields in order: explicit ones with their Java names and mapping, constraints without. */
    private List<FieldCode> fieldCodes(Constructor c, Ctx ctx) {
        List<FieldCode> fields = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        int anon = 0;
        for (Field f : c.fields()) {
            if (f.kind() == Field.Kind.IMPLICIT) {
                if (!(f.type() instanceof TypeExpr.Kind)) {
                    throw unsupported(f.pos(), "implicit natural parameter '" + f.name()
                            + "' is not supported by the Java generator");
                }
                continue;
            }
            if (f.kind() == Field.Kind.CONSTRAINT) {
                fields.add(new FieldCode(f, null, null));
                continue;
            }
            String jn = f.name() != null ? Names.lowerCamel(f.name()) : anonName(f, ++anon);
            while (!used.add(jn)) {
                jn = jn + "_";
            }
            ctx.javaNames.put(f.name() == null ? jn : f.name(), jn);
            fields.add(new FieldCode(f, jn, map(f.type(), ctx, 0)));
            if (f.name() != null) {
                ctx.natFields.add(f.name());
            }
        }
        return fields;
    }

    private void record(StringBuilder sb, Constructor c, String recordName, String typeJavaName,
            List<String> params, boolean topLevel, String ind) {
        Ctx ctx = new Ctx(c, params);
        List<FieldCode> fields = fieldCodes(c, ctx);
        checkRemainderLast(c);
        String g = generics(params);
        String tlbType = c.typeName();
        String ctorName = c.displayName();
        if (!topLevel) {
            sb.append(ind).append("/** Constructor {@code ").append(javadocSafe(c.source())).append("} */\n");
        }
        List<String> components = new ArrayList<>();
        for (FieldCode fc : fields) {
            if (fc.javaName != null) {
                components.add(fc.mapped.type + " " + fc.javaName);
            }
        }
        sb.append(ind).append(topLevel ? "public " : "").append("record ").append(recordName).append(g).append("(")
                .append(String.join(", ", components)).append(")");
        if (!topLevel) {
            sb.append(" implements ").append(typeJavaName).append(g);
        } else if (params.isEmpty()) {
            sb.append(" implements TlbValue");
        }
        sb.append(" {\n");
        String in2 = ind + "    ";
        if (c.tag().bits() > 0) {
            sb.append(in2).append("/** The constructor tag {@code ").append(c.tag()).append("}")
                    .append(c.explicitTag() ? "" : " (implicit: CRC32 of the declaration)").append(". */\n");
            sb.append(in2).append("public static final long TAG = 0x").append(String.format("%0" + Math.max(1, (c.tag().bits() + 3) / 4) + "x", c.tag().value())).append("L;\n");
            sb.append(in2).append("/** Length of {@link #TAG} in bits. */\n");
            sb.append(in2).append("public static final int TAG_BITS = ").append(c.tag().bits()).append(";\n");
        }
        List<String> nonNull = new ArrayList<>();
        for (FieldCode fc : fields) {
            if (fc.javaName != null && !fc.mapped.primitive) {
                nonNull.add(fc.javaName);
            }
        }
        if (!nonNull.isEmpty()) {
            sb.append(c.tag().bits() > 0 ? "\n" : "").append(in2).append("public ").append(recordName).append(" {\n");
            for (String n : nonNull) {
                sb.append(in2).append("    Objects.requireNonNull(").append(n).append(", \"").append(n).append("\");\n");
            }
            sb.append(in2).append("}\n");
        }
        // load
        String gPrefix = g.isEmpty() ? "" : g + " ";
        sb.append('\n').append(in2).append("/**\n").append(in2).append(" * Reads a {@code ").append(ctorName)
                .append("} from the slice, tag first.\n").append(in2).append(" *\n").append(in2)
                .append(" * @throws TlbDecodeException naming the field that does not decode\n").append(in2).append(" */\n");
        sb.append(in2).append("public static ").append(gPrefix).append(recordName).append(g).append(" load(CellSlice slice")
                .append(codecParams(params)).append(") {\n");
        String in3 = in2 + "    ";
        sb.append(in3).append("TlbReader in = TlbReader.begin(slice, \"").append(tlbType).append("\", \"")
                .append(ctorName).append("\");\n");
        if (c.tag().bits() > 0) {
            sb.append(in3).append("in.tag(TAG, TAG_BITS);\n");
        }
        List<String> args = new ArrayList<>();
        for (FieldCode fc : fields) {
            if (fc.javaName == null) {
                sb.append(in3).append("in.check(").append(constraint(fc.field, ctx)).append(", \"")
                        .append(constraintText(fc.field)).append("\");\n");
                continue;
            }
            String label = fc.field.name() == null ? "_" : fc.field.name();
            sb.append(in3).append(fc.mapped.type).append(' ').append(fc.javaName).append(" = ")
                    .append(fc.mapped.read.apply("in.field(\"" + label + "\")")).append(";\n");
            args.add(fc.javaName);
        }
        sb.append(in3).append("return new ").append(recordName).append(g.isEmpty() ? "" : "<>").append("(")
                .append(String.join(", ", args)).append(");\n");
        sb.append(in2).append("}\n");
        if (topLevel) {
            fromCell(sb, recordName, tlbType, params, in2, "");
        }
        // store
        sb.append('\n').append(in2).append("/**\n").append(in2).append(" * Appends this {@code ").append(ctorName)
                .append("}, tag first.\n").append(in2).append(" *\n").append(in2)
                .append(" * @throws TlbEncodeException when a field is out of range or a constraint fails\n")
                .append(in2).append(" */\n");
        if (params.isEmpty()) {
            sb.append(in2).append("@Override\n");
        }
        sb.append(in2).append("public void store(CellBuilder builder").append(codecParams(params)).append(") {\n");
        sb.append(in3).append("TlbWriter out = TlbWriter.begin(builder, \"").append(tlbType).append("\", \"")
                .append(ctorName).append("\");\n");
        if (c.tag().bits() > 0) {
            sb.append(in3).append("out.tag(TAG, TAG_BITS);\n");
        }
        for (FieldCode fc : fields) {
            if (fc.javaName == null) {
                sb.append(in3).append("out.check(").append(constraint(fc.field, ctx)).append(", \"")
                        .append(constraintText(fc.field)).append("\");\n");
                continue;
            }
            String label = fc.field.name() == null ? "_" : fc.field.name();
            sb.append(in3).append(fc.mapped.write.apply("out.field(\"" + label + "\")", fc.javaName)).append(";\n");
        }
        sb.append(in2).append("}\n");
        if (!params.isEmpty()) {
            sb.append('\n').append(in2).append("/** This value alone in a new cell. */\n");
            sb.append(in2).append("public Cell toCell(").append(codecParams(params).substring(2)).append(") {\n");
            sb.append(in3).append("CellBuilder builder = CellBuilder.beginCell();\n");
            sb.append(in3).append("store(builder").append(codecArgs(params)).append(");\n");
            sb.append(in3).append("return builder.endCell();\n").append(in2).append("}\n");
        }
        sb.append(ind).append("}\n");
    }

    /** {@code Cell}/{@code Any} inline takes everything left, so only the last field may be one. */
    private static void checkRemainderLast(Constructor c) {
        List<Field> explicit = c.fields().stream().filter(Field::isExplicit).toList();
        for (int i = 0; i < explicit.size() - 1; i++) {
            if (takesRest(explicit.get(i).type())) {
                throw new TlbSchemaException(explicit.get(i).pos(), "an inline Cell or Any takes the rest of the cell;"
                        + " only the last field may be one (use ^Cell for a reference)");
            }
        }
    }

    private static boolean takesRest(TypeExpr e) {
        if (e instanceof TypeExpr.Apply a) {
            if ((a.name().equals("Cell") || a.name().equals("Any")) && a.args().isEmpty()) {
                return true;
            }
            return (a.name().equals("Maybe") || a.name().equals("Either"))
                    && a.args().stream().anyMatch(JavaGenerator::takesRest);
        }
        return false;
    }

    private static String anonName(Field f, int n) {
        if (f.type() instanceof TypeExpr.Apply a && a.args().isEmpty() && Character.isUpperCase(a.name().charAt(0))) {
            return Names.lowerCamel(a.name());
        }
        return n == 1 ? "value" : "value" + n;
    }

    private String constraint(Field f, Ctx ctx) {
        TypeExpr.Compare cmp = (TypeExpr.Compare) f.type();
        String op = cmp.op().equals("=") ? "==" : cmp.op();
        return nat(cmp.left(), ctx) + " " + op + " " + nat(cmp.right(), ctx);
    }

    private static String constraintText(Field f) {
        TypeExpr.Compare cmp = (TypeExpr.Compare) f.type();
        return natText(cmp.left()) + " " + cmp.op() + " " + natText(cmp.right());
    }

    private static String natText(TypeExpr e) {
        if (e instanceof TypeExpr.IntConst n) {
            return Long.toString(n.value());
        }
        if (e instanceof TypeExpr.FieldRef r) {
            return r.name();
        }
        if (e instanceof TypeExpr.Add a) {
            return "(" + natText(a.left()) + " + " + natText(a.right()) + ")";
        }
        if (e instanceof TypeExpr.Mul m) {
            return "(" + natText(m.left()) + " * " + natText(m.right()) + ")";
        }
        return "?";
    }

    /** A natural-number expression over earlier fields, as Java ({@code long}). */
    private String nat(TypeExpr e, Ctx ctx) {
        if (e instanceof TypeExpr.IntConst n) {
            return Long.toString(n.value());
        }
        if (e instanceof TypeExpr.FieldRef r && !r.negated() && ctx.natFields.contains(r.name())) {
            return ctx.javaNames.get(r.name());
        }
        if (e instanceof TypeExpr.Add a) {
            return "(" + nat(a.left(), ctx) + " + " + nat(a.right(), ctx) + ")";
        }
        if (e instanceof TypeExpr.Mul m) {
            return "(" + nat(m.left(), ctx) + " * " + nat(m.right(), ctx) + ")";
        }
        throw unsupported(e.pos(), "natural-number expression not supported here");
    }

    private static boolean isConst(TypeExpr e) {
        return e instanceof TypeExpr.IntConst;
    }

    private static long constValue(TypeExpr e) {
        return ((TypeExpr.IntConst) e).value();
    }

    // ---------------------------------------------------------------- type mapping

    /** Per-constructor state: type parameters and the fields readable as naturals so far. */
    private static final class Ctx {
        final Constructor c;
        final List<String> typeParams;
        final Map<String, String> javaNames = new LinkedHashMap<>();
        final Set<String> natFields = new LinkedHashSet<>();

        Ctx(Constructor c, List<String> typeParams) {
            this.c = c;
            this.typeParams = typeParams;
        }
    }

    /**
     * How one TL-B type reads and writes in Java.
     *
     * @param read   given a reader expression, the expression that reads the value
     * @param write  given a writer expression and a value expression, the statement that writes it
     * @param loader a {@code Function<CellSlice, T>} expression
     * @param storer a {@code BiConsumer<CellBuilder, T>} expression
     */
    private record Mapped(String type, boolean primitive, Function<String, String> read,
            BiFunction<String, String, String> write, String loader, String storer) {
        String boxed() {
            return switch (type) {
                case "long" -> "Long";
                case "boolean" -> "Boolean";
                default -> type;
            };
        }
    }

    private Mapped simple(String type, boolean primitive, String readCall, String writeCall, Ctx ctx, int depth) {
        Function<String, String> read = r -> r + "." + readCall;
        BiFunction<String, String, String> write = (w, v) -> w + "." + String.format(writeCall, v);
        return withDefaultLambdas(type, primitive, read, write, ctx, depth);
    }

    private Mapped withDefaultLambdas(String type, boolean primitive, Function<String, String> read,
            BiFunction<String, String, String> write, Ctx ctx, int depth) {
        String s = "s" + depth;
        String b = "b" + depth;
        String v = "v" + depth;
        String head = "\"" + ctx.c.typeName() + "\", \"" + ctx.c.displayName() + "\"";
        String loader = s + " -> " + read.apply("TlbReader.begin(" + s + ", " + head + ")");
        String storer = "(" + b + ", " + v + ") -> " + write.apply("TlbWriter.begin(" + b + ", " + head + ")", v);
        return new Mapped(type, primitive, read, write, loader, storer);
    }

    private Mapped map(TypeExpr e, Ctx ctx, int depth) {
        if (e instanceof TypeExpr.Ref r) {
            return mapRef(r, ctx, depth);
        }
        if (e instanceof TypeExpr.FieldRef r && ctx.typeParams.contains(r.name())) {
            String codec = codecName(r.name());
            String t = Names.upperCamel(r.name());
            return new Mapped(t, false, rd -> rd + ".inline(" + codec + "::load)",
                    (w, v) -> codec + ".store(" + w + ".builder(), " + v + ")", codec + "::load", codec + "::store");
        }
        if (!(e instanceof TypeExpr.Apply a)) {
            throw unsupported(e.pos(), describe(e) + " is not supported by the Java generator");
        }
        String n = a.name();
        List<TypeExpr> args = a.args();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(uint|int|bits)(\\d+)").matcher(n);
        if (m.matches() && args.isEmpty()) {
            return fixedWidth(m.group(1), Integer.parseInt(m.group(2)), ctx, depth);
        }
        switch (n) {
            case "#":
                return fixedWidth("uint", 32, ctx, depth);
            case "uint", "int", "bits", "##": {
                TypeExpr w = arg(a, 1, 0);
                String kind = n.equals("##") ? "uint" : n;
                if (isConst(w)) {
                    return fixedWidth(kind, (int) constValue(w), ctx, depth);
                }
                String width = "(int) " + nat(w, ctx);
                if (kind.equals("bits")) {
                    return simple("Bits", false, "bits(" + width + ")", "bits(%s, " + width + ")", ctx, depth);
                }
                String big = kind.equals("uint") ? "bigUint" : "bigInt";
                return simple("BigInteger", false, big + "(" + width + ")", big + "(%s, " + width + ")", ctx, depth);
            }
            case "#<", "#<=": {
                String bound = nat(arg(a, 1, 0), ctx);
                String op = n.equals("#<") ? "natLess" : "natLeq";
                return simple("long", true, op + "(" + bound + ")", op + "(%s, " + bound + ")", ctx, depth);
            }
            case "Bool":
                return simple("boolean", true, "bool()", "bool(%s)", ctx, depth);
            case "VarUInteger", "VarInteger": {
                TypeExpr w = arg(a, 1, 0);
                if (!isConst(w)) {
                    throw unsupported(w.pos(), n + " needs a constant argument here");
                }
                String op = n.equals("VarUInteger") ? "varUInt" : "varInt";
                return simple("BigInteger", false, op + "(" + constValue(w) + ")", op + "(%s, " + constValue(w) + ")",
                        ctx, depth);
            }
            case "Maybe": {
                Mapped inner = map(arg(a, 1, 0), ctx, depth + 1);
                String r = "r" + depth;
                String w = "w" + depth;
                String x = "x" + depth;
                return withDefaultLambdas("Optional<" + inner.boxed() + ">", false,
                        rd -> rd + ".maybe(" + r + " -> " + inner.read.apply(r) + ")",
                        (wr, v) -> wr + ".maybe(" + v + ", (" + w + ", " + x + ") -> " + inner.write.apply(w, x) + ")",
                        ctx, depth);
            }
            case "Either": {
                Mapped left = map(arg(a, 2, 0), ctx, depth + 1);
                Mapped right = map(arg(a, 2, 1), ctx, depth + 1);
                String r = "r" + depth;
                String w = "w" + depth;
                String x = "x" + depth;
                return withDefaultLambdas("Either<" + left.boxed() + ", " + right.boxed() + ">", false,
                        rd -> rd + ".either(" + r + " -> " + left.read.apply(r) + ", " + r + " -> "
                                + right.read.apply(r) + ")",
                        (wr, v) -> wr + ".either(" + v + ", (" + w + ", " + x + ") -> " + left.write.apply(w, x)
                                + ", (" + w + ", " + x + ") -> " + right.write.apply(w, x) + ")",
                        ctx, depth);
            }
            case "HashmapE": {
                TypeExpr keyBits = arg(a, 2, 0);
                if (!isConst(keyBits)) {
                    throw unsupported(keyBits.pos(), "HashmapE needs a constant key length");
                }
                Mapped value = map(arg(a, 2, 1), ctx, depth + 1);
                long k = constValue(keyBits);
                return withDefaultLambdas("Map<BigInteger, " + value.boxed() + ">", false,
                        rd -> rd + ".dict(" + k + ", " + value.loader + ")",
                        (wr, v) -> wr + ".dict(" + v + ", " + k + ", " + value.storer + ")", ctx, depth);
            }
            case "Cell", "Any":
                noArgs(a);
                return simple("Cell", false, "rest()", "rest(%s)", ctx, depth);
            default:
                break;
        }
        if (types.containsKey(n)) {
            return userType(a, ctx, depth);
        }
        switch (n) {
            case "Coins", "Grams":
                noArgs(a);
                return simple("BigInteger", false, "coins()", "coins(%s)", ctx, depth);
            case "MsgAddress", "MsgAddressExt":
                noArgs(a);
                return simple("MsgAddress", false, "address()", "address(%s)", ctx, depth);
            case "MsgAddressInt":
                noArgs(a);
                return simple("MsgAddress", false, "addressInt()", "addressInt(%s)", ctx, depth);
            default:
                throw new TlbSchemaException(a.pos(), "unknown type '" + n + "'");
        }
    }

    private Mapped userType(TypeExpr.Apply a, Ctx ctx, int depth) {
        String javaName = Names.upperCamel(a.name());
        List<String> params = typeParams(types.get(a.name()).get(0));
        if (params.size() != a.args().size()) {
            throw new TlbSchemaException(a.pos(), "type '" + a.name() + "' takes " + params.size()
                    + " argument(s), given " + a.args().size());
        }
        if (params.isEmpty()) {
            return new Mapped(javaName, false, rd -> rd + ".inline(" + javaName + "::load)",
                    (w, v) -> w + ".inline(" + v + ")", javaName + "::load", "(b" + depth + ", v" + depth + ") -> v"
                    + depth + ".store(b" + depth + ")");
        }
        List<String> codecs = new ArrayList<>();
        List<String> typeArgs = new ArrayList<>();
        for (TypeExpr arg : a.args()) {
            Mapped m = map(arg, ctx, depth + 1);
            typeArgs.add(m.boxed());
            codecs.add("TlbCodec.of(" + m.loader + ", " + m.storer + ")");
        }
        String cs = String.join(", ", codecs);
        String s = "s" + depth;
        String b = "b" + depth;
        String v = "v" + depth;
        return new Mapped(javaName + "<" + String.join(", ", typeArgs) + ">", false,
                rd -> rd + ".inline(" + s + " -> " + javaName + ".load(" + s + ", " + cs + "))",
                (w, val) -> val + ".store(" + w + ".builder(), " + cs + ")",
                s + " -> " + javaName + ".load(" + s + ", " + cs + ")",
                "(" + b + ", " + v + ") -> " + v + ".store(" + b + ", " + cs + ")");
    }

    private Mapped mapRef(TypeExpr.Ref r, Ctx ctx, int depth) {
        if (r.inner() instanceof TypeExpr.Apply a && (a.name().equals("Cell") || a.name().equals("Any"))
                && a.args().isEmpty()) {
            return simple("Cell", false, "refCell()", "refCell(%s)", ctx, depth);
        }
        Mapped inner = map(r.inner(), ctx, depth + 1);
        return withDefaultLambdas(inner.type, inner.primitive, rd -> rd + ".ref(" + inner.loader + ")",
                (w, v) -> w + ".ref(" + v + ", " + inner.storer + ")", ctx, depth);
    }

    private Mapped fixedWidth(String kind, int width, Ctx ctx, int depth) {
        switch (kind) {
            case "uint":
                if (width > 256) {
                    throw new TlbSchemaException(ctx.c.pos(), "uint" + width + " is wider than 256 bits");
                }
                return width <= 63
                        ? simple("long", true, "uint(" + width + ")", "uint(%s, " + width + ")", ctx, depth)
                        : simple("BigInteger", false, "bigUint(" + width + ")", "bigUint(%s, " + width + ")", ctx, depth);
            case "int":
                if (width > 257) {
                    throw new TlbSchemaException(ctx.c.pos(), "int" + width + " is wider than 257 bits");
                }
                return width <= 64
                        ? simple("long", true, "sint(" + width + ")", "sint(%s, " + width + ")", ctx, depth)
                        : simple("BigInteger", false, "bigInt(" + width + ")", "bigInt(%s, " + width + ")", ctx, depth);
            default:
                return simple("Bits", false, "bits(" + width + ")", "bits(%s, " + width + ")", ctx, depth);
        }
    }

    private static TypeExpr arg(TypeExpr.Apply a, int count, int i) {
        if (a.args().size() != count) {
            throw new TlbSchemaException(a.pos(), "'" + a.name() + "' takes " + count + " argument(s), given "
                    + a.args().size());
        }
        return a.args().get(i);
    }

    private static void noArgs(TypeExpr.Apply a) {
        if (!a.args().isEmpty()) {
            throw new TlbSchemaException(a.pos(), "'" + a.name() + "' takes no arguments");
        }
    }

    private static String describe(TypeExpr e) {
        String n = e.getClass().getSimpleName();
        return switch (n) {
            case "CondType" -> "a conditional field (flag?T)";
            case "Anonymous" -> "an anonymous constructor [ ... ]";
            case "Mul" -> "a repetition (n * T)";
            case "GetBit" -> "a bit selection (n.i)";
            default -> "this expression (" + n + ")";
        };
    }

    private static TlbSchemaException unsupported(io.cocoon4j.tlb.schema.SourcePos pos, String msg) {
        return new TlbSchemaException(pos, msg);
    }
}

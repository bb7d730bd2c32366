package io.cocoon4j.tlb.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The implicit constructor tag of TON's TL-B compiler, tlbc: the IEEE CRC32 of the constructor
 * printed in tlbc's normal form, all 32 bits kept.
 *
 * <p>The normal form (tlbc {@code Constructor::show} in mode 10) is:
 * <ul>
 *   <li>the constructor name, without its tag; then, for each field, a space and
 *   <ul>
 *     <li>{@code name:Type} for a named field, just {@code Type} for {@code _:Type} or an unnamed one;</li>
 *     <li>implicit parameters without braces: {@code n:#}, {@code X:Type};</li>
 *     <li>constraints without braces, as a prefix application with {@code >} and {@code >=} turned round:
 *         {@code { a >= b }} prints {@code <= b a};</li>
 *   </ul></li>
 *   <li>then {@code " = "}, the type name, and each parameter after a space, {@code ~} kept.</li>
 * </ul>
 * Type expressions print with no parentheses at all: an application is its name and arguments
 * separated by single spaces ({@code Maybe Either X ^X}), {@code ^T}, {@code a + b}, {@code a?T},
 * {@code a.b}, {@code [ fields ]} for an anonymous constructor. A product of a natural by a constant
 * prints the constant first ({@code (len * 8)} becomes {@code 8 * len}); two constants are folded.
 * Inside a parameter written {@code ~E}, tlbc prints every field of {@code E} with a {@code ~} of its
 * own ({@code = Unary ~(n + 1)} prints {@code = Unary ~~n + 1}); this class does the same.
 *
 * <p>Examples: TEP-74's {@code transfer} prints as {@code transfer query_id:uint64 amount:VarUInteger 16
 * destination:MsgAddress ... forward_payload:Either Cell ^Cell = InternalMsgBody}, CRC32 0x8f8a7ea5.
 * The {@code @ton-community/tlb-codegen} package hashes the source text with parentheses and the tag
 * removed and clears the top bit, so the two agree on the low 31 bits whenever a declaration has no
 * braces, no {@code _:} fields, and no products or negated parameters.
 */
public final class ImplicitTag {
    private ImplicitTag() {}

    /** The 32-bit tag tlbc assigns to a named constructor declared without a tag. */
    public static Tag of(Constructor c) {
        return new Tag(crc32(normalForm(c)), 32);
    }

    /** CRC32 (IEEE) of the UTF-8 text. */
    public static long crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The constructor as tlbc prints it before hashing. */
    public static String normalForm(Constructor c) {
        StringBuilder sb = new StringBuilder(c.name() == null ? "_" : c.name());
        fields(sb, c.fields());
        sb.append(" = ").append(c.typeName());
        for (int i = 0; i < c.params().size(); i++) {
            sb.append(' ');
            boolean neg = c.negatedParams().get(i);
            if (neg) {
                sb.append('~');
            }
            expr(sb, c.params().get(i), neg);
        }
        return sb.toString();
    }

    private static void fields(StringBuilder sb, List<Field> fields) {
        for (Field f : fields) {
            sb.append(' ');
            if (f.name() != null) {
                sb.append(f.name()).append(':');
            }
            expr(sb, f.type(), false);
        }
    }

    private static void expr(StringBuilder sb, TypeExpr e, boolean flipRefs) {
        if (e instanceof TypeExpr.Apply a) {
            sb.append(a.name());
            for (TypeExpr arg : a.args()) {
                sb.append(' ');
                expr(sb, arg, flipRefs);
            }
        } else if (e instanceof TypeExpr.FieldRef r) {
            if (r.negated() ^ flipRefs) {
                sb.append('~');
            }
            sb.append(r.name());
        } else if (e instanceof TypeExpr.IntConst n) {
            sb.append(n.value());
        } else if (e instanceof TypeExpr.Add a) {
            expr(sb, a.left(), flipRefs);
            sb.append(" + ");
            expr(sb, a.right(), flipRefs);
        } else if (e instanceof TypeExpr.Mul m) {
            mul(sb, m, flipRefs);
        } else if (e instanceof TypeExpr.CondType c) {
            expr(sb, c.condition(), flipRefs);
            sb.append('?');
            expr(sb, c.type(), flipRefs);
        } else if (e instanceof TypeExpr.GetBit g) {
            expr(sb, g.value(), flipRefs);
            sb.append('.');
            expr(sb, g.bit(), flipRefs);
        } else if (e instanceof TypeExpr.Ref r) {
            sb.append('^');
            expr(sb, r.inner(), flipRefs);
        } else if (e instanceof TypeExpr.Anonymous a) {
            sb.append('[');
            fields(sb, a.fields());
            sb.append(" ]");
        } else if (e instanceof TypeExpr.Compare c) {
            // tlbc turns > and >= round into < and <=, then prints the operator as a prefix type
            boolean swap = c.op().equals(">") || c.op().equals(">=");
            String op = c.op().equals(">") ? "<" : c.op().equals(">=") ? "<=" : c.op();
            sb.append(op).append(' ');
            expr(sb, swap ? c.right() : c.left(), flipRefs);
            sb.append(' ');
            expr(sb, swap ? c.left() : c.right(), flipRefs);
        } else {
            sb.append("Type");
        }
    }

    private static void mul(StringBuilder sb, TypeExpr.Mul m, boolean flipRefs) {
        boolean leftConst = m.left() instanceof TypeExpr.IntConst;
        boolean rightConst = m.right() instanceof TypeExpr.IntConst;
        if (leftConst && rightConst) {
            sb.append(((TypeExpr.IntConst) m.left()).value() * ((TypeExpr.IntConst) m.right()).value());
        } else if (isNat(m.right()) && (leftConst || rightConst)) {
            // tlbc's MulConst keeps the constant as a factor and prints it first
            sb.append(leftConst ? ((TypeExpr.IntConst) m.left()).value() : ((TypeExpr.IntConst) m.right()).value())
                    .append(" * ");
            expr(sb, leftConst ? m.right() : m.left(), flipRefs);
        } else {
            // n * T: a repetition of a type, printed as written
            expr(sb, m.left(), flipRefs);
            sb.append(" * ");
            expr(sb, m.right(), flipRefs);
        }
    }

    /** Whether an expression denotes a natural number rather than a type. */
    static boolean isNat(TypeExpr e) {
        if (e instanceof TypeExpr.Mul m) {
            return isNat(m.right());
        }
        // a field reference may be a type parameter, but it prints the same either way
        return e instanceof TypeExpr.IntConst || e instanceof TypeExpr.Add || e instanceof TypeExpr.GetBit
                || e instanceof TypeExpr.FieldRef;
    }
}

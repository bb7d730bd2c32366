package io.cocoon4j.tlb.schema;

import io.cocoon4j.tlb.schema.Lexer.Kind;
import io.cocoon4j.tlb.schema.Lexer.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses TL-B declarations with the grammar and operator priorities of TON's tlbc
 * (comparison &lt; {@code +} &lt; {@code *} &lt; application &lt; {@code ?} &lt; {@code .} &lt; terms).
 * Constructors without an explicit tag get their implicit tag from {@link ImplicitTag}.
 */
public final class SchemaParser {
    private final String src;
    private final List<Token> tokens;
    private int k;
    /** Names of the fields and implicit parameters declared so far in the current constructor. */
    private Set<String> locals = new HashSet<>();

    private SchemaParser(String file, String src) {
        this.src = src;
        this.tokens = Lexer.tokenize(file, src);
    }

    /** Parses schema text; {@code file} names it in error positions. */
    public static Schema parse(String file, String text) {
        return new SchemaParser(file, text).schema();
    }

    /** Reads and parses a schema file. */
    public static Schema parse(Path path) throws IOException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    private Token cur() {
        return tokens.get(k);
    }

    private Token peek() {
        return tokens.get(Math.min(k + 1, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(k++);
    }

    private TlbSchemaException error(Token t, String what) {
        String found = t.kind() == Kind.EOF ? "end of file" : "'" + t.text() + "'";
        return new TlbSchemaException(t.pos(), what + ", found " + found);
    }

    private void expect(String punct) {
        if (!cur().is(punct)) {
            throw error(cur(), "expected '" + punct + "'");
        }
        k++;
    }

    private Schema schema() {
        List<Constructor> out = new ArrayList<>();
        while (cur().kind() != Kind.EOF) {
            out.add(constructor());
        }
        return new Schema(out);
    }

    private Constructor constructor() {
        Token nameTok = cur();
        // "!name" marks a special constructor (tlbc); the name proper must start in lowercase
        String bare = nameTok.text().startsWith("!") ? nameTok.text().substring(1) : nameTok.text();
        if (nameTok.kind() != Kind.IDENT || bare.isEmpty()
                || !(bare.equals("_") || Character.isLowerCase(bare.charAt(0)))) {
            throw error(nameTok, "expected a constructor name (lowercase identifier or _)");
        }
        k++;
        locals = new HashSet<>();
        String name = nameTok.text().equals("_") ? null : nameTok.text();
        Tag tag = null;
        if (cur().kind() == Kind.TAG) {
            tag = parseTag(advance());
        }
        List<Field> fields = fieldList("=");
        expect("=");
        Token typeTok = cur();
        if (typeTok.kind() != Kind.IDENT || !Character.isUpperCase(typeTok.text().charAt(0))) {
            throw error(typeTok, "expected a type name (uppercase identifier)");
        }
        k++;
        List<TypeExpr> params = new ArrayList<>();
        List<Boolean> negated = new ArrayList<>();
        while (!cur().is(";")) {
            if (cur().kind() == Kind.EOF) {
                throw error(cur(), "expected ';' at the end of the declaration");
            }
            boolean neg = cur().is("~");
            if (neg) {
                k++;
            }
            params.add(term());
            negated.add(neg);
        }
        Token semi = advance();
        String source = src.substring(nameTok.offset(), semi.end()).replaceAll("\\s+", " ");
        boolean explicit = tag != null || name == null;
        Constructor draft = new Constructor(name, tag == null ? Tag.NONE : tag, explicit, fields, typeTok.text(),
                params, negated, source, nameTok.pos());
        if (!explicit) {
            draft = new Constructor(name, ImplicitTag.of(draft), false, fields, typeTok.text(), params, negated,
                    source, nameTok.pos());
        }
        return draft;
    }

    private Tag parseTag(Token t) {
        String s = t.text();
        StringBuilder bits = new StringBuilder();
        boolean completion = s.endsWith("_");
        String body = completion ? s.substring(1, s.length() - 1) : s.substring(1);
        if (s.charAt(0) == '#') {
            for (char c : body.toCharArray()) {
                int d = Character.digit(c, 16);
                if (d < 0) {
                    throw new TlbSchemaException(t.pos(), "bad hexadecimal tag '" + s + "'");
                }
                String b = Integer.toBinaryString(d);
                bits.append("0".repeat(4 - b.length())).append(b);
            }
        } else {
            for (char c : body.toCharArray()) {
                if (c != '0' && c != '1') {
                    throw new TlbSchemaException(t.pos(), "bad binary tag '" + s + "'");
                }
                bits.append(c);
            }
        }
        if (completion && bits.length() > 0) {
            // "_" marks completion: drop trailing zeros and the final 1 (as tlbc does)
            int end = bits.length();
            while (end > 0 && bits.charAt(end - 1) == '0') {
                end--;
            }
            bits.setLength(Math.max(0, end - 1));
        }
        if (bits.length() > 63) {
            throw new TlbSchemaException(t.pos(), "tag longer than 63 bits");
        }
        return new Tag(bits.length() == 0 ? 0 : Long.parseUnsignedLong(bits.toString(), 2), bits.length());
    }

    private List<Field> fieldList(String end) {
        List<Field> fields = new ArrayList<>();
        while (!cur().is(end)) {
            Token t = cur();
            if (t.kind() == Kind.EOF || t.is(";")) {
                throw error(t, "expected '" + end + "'");
            }
            if (t.is("{")) {
                k++;
                if (cur().kind() == Kind.IDENT && peek().is(":")) {
                    Token n = advance();
                    k++;
                    Token kind = advance();
                    TypeExpr type;
                    if (kind.kind() == Kind.IDENT && kind.text().equals("Type")) {
                        type = new TypeExpr.Kind(kind.pos());
                    } else if (kind.kind() == Kind.IDENT && kind.text().equals("#")) {
                        type = new TypeExpr.Apply("#", List.of(), kind.pos());
                    } else {
                        throw error(kind, "expected '#' or 'Type' for an implicit parameter");
                    }
                    declare(n);
                    fields.add(new Field(n.text(), type, Field.Kind.IMPLICIT, n.pos()));
                } else {
                    TypeExpr c = expr();
                    if (!(c instanceof TypeExpr.Compare)) {
                        throw new TlbSchemaException(t.pos(), "a constraint must compare two naturals");
                    }
                    fields.add(new Field(null, c, Field.Kind.CONSTRAINT, t.pos()));
                }
                expect("}");
            } else if ((t.kind() == Kind.IDENT) && peek().is(":")) {
                k += 2;
                TypeExpr type = expr95();
                String name = t.text().equals("_") ? null : t.text();
                if (name != null) {
                    declare(t);
                }
                fields.add(new Field(name, type, Field.Kind.EXPLICIT, t.pos()));
            } else {
                fields.add(new Field(null, expr95(), Field.Kind.EXPLICIT, t.pos()));
            }
        }
        return fields;
    }

    private void declare(Token name) {
        if (!locals.add(name.text())) {
            throw new TlbSchemaException(name.pos(), "field '" + name.text() + "' declared twice");
        }
    }

    private TypeExpr expr() {
        TypeExpr left = expr20();
        Token t = cur();
        if (t.kind() == Kind.PUNCT && List.of("=", "<", ">", "<=", ">=").contains(t.text())) {
            k++;
            return new TypeExpr.Compare(t.text(), left, expr20(), t.pos());
        }
        return left;
    }

    private TypeExpr expr20() {
        TypeExpr e = expr30();
        while (cur().is("+")) {
            Token t = advance();
            e = new TypeExpr.Add(e, expr30(), t.pos());
        }
        return e;
    }

    private TypeExpr expr30() {
        TypeExpr e = expr90();
        while (cur().is("*")) {
            Token t = advance();
            e = new TypeExpr.Mul(e, expr90(), t.pos());
        }
        return e;
    }

    private boolean startsTerm(Token t) {
        return t.kind() == Kind.IDENT || t.kind() == Kind.NUMBER || t.is("(") || t.is("~") || t.is("^") || t.is("[");
    }

    private TypeExpr expr90() {
        TypeExpr head = expr95();
        if (!startsTerm(cur())) {
            return head;
        }
        if (!(head instanceof TypeExpr.Apply a) || !a.args().isEmpty()) {
            throw new TlbSchemaException(head.pos(), "only a type name can be applied to arguments");
        }
        List<TypeExpr> args = new ArrayList<>();
        while (startsTerm(cur())) {
            args.add(expr95());
        }
        return new TypeExpr.Apply(a.name(), args, a.pos());
    }

    private TypeExpr expr95() {
        TypeExpr e = expr97();
        if (cur().is("?")) {
            Token t = advance();
            return new TypeExpr.CondType(e, term(), t.pos());
        }
        return e;
    }

    private TypeExpr expr97() {
        TypeExpr e = term();
        if (cur().is(".")) {
            Token t = advance();
            return new TypeExpr.GetBit(e, term(), t.pos());
        }
        return e;
    }

    private TypeExpr term() {
        Token t = cur();
        if (t.is("(")) {
            k++;
            TypeExpr e = expr();
            expect(")");
            return e;
        }
        if (t.kind() == Kind.NUMBER) {
            k++;
            try {
                long v = Long.decode(t.text());
                if (v < 0 || v >= (1L << 31)) {
                    throw new NumberFormatException();
                }
                return new TypeExpr.IntConst(v, t.pos());
            } catch (NumberFormatException e) {
                throw new TlbSchemaException(t.pos(), "integer constant '" + t.text() + "' is not an unsigned 31-bit number");
            }
        }
        if (t.is("[")) {
            k++;
            Set<String> outer = locals;
            locals = new HashSet<>();
            List<Field> fields = fieldList("]");
            locals = outer;
            expect("]");
            return new TypeExpr.Anonymous(fields, t.pos());
        }
        if (t.is("^")) {
            k++;
            return new TypeExpr.Ref(term(), t.pos());
        }
        boolean negate = false;
        if (t.is("~")) {
            k++;
            negate = true;
        }
        Token id = cur();
        if (id.kind() != Kind.IDENT) {
            throw error(id, negate ? "expected a field name after '~'" : "expected a type or field name");
        }
        k++;
        if (locals.contains(id.text())) {
            return new TypeExpr.FieldRef(id.text(), negate, id.pos());
        }
        if (negate) {
            throw new TlbSchemaException(id.pos(), "'~' applies to fields only; '" + id.text() + "' is not a field here");
        }
        if (id.text().equals("Type")) {
            return new TypeExpr.Kind(id.pos());
        }
        return new TypeExpr.Apply(id.text(), List.of(), id.pos());
    }
}

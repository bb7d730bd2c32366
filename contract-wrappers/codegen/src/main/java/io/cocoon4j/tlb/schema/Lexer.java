package io.cocoon4j.tlb.schema;

import java.util.ArrayList;
import java.util.List;

/** Splits TL-B source into tokens; skips whitespace, {@code //} and {@code /* *\/} comments. */
final class Lexer {
    enum Kind { IDENT, NUMBER, TAG, PUNCT, EOF }

    record Token(Kind kind, String text, SourcePos pos, int offset, int end) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private final String file;
    private final String src;
    private int i;
    private int line = 1;
    private int lineStart;

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    static List<Token> tokenize(String file, String src) {
        Lexer lx = new Lexer(file, src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != Kind.EOF);
        return out;
    }

    private SourcePos pos(int at) {
        return new SourcePos(file, line, at - lineStart + 1);
    }

    private void skipSpaceAndComments() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                SourcePos start = pos(i);
                int close = src.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new TlbSchemaException(start, "unterminated comment");
                }
                for (int k = i; k < close; k++) {
                    if (src.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = close + 2;
            } else {
                return;
            }
        }
    }

    private static boolean identChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '!';
    }

    private Token next() {
        skipSpaceAndComments();
        int start = i;
        if (i >= src.length()) {
            return new Token(Kind.EOF, "", pos(i), i, i);
        }
        char c = src.charAt(i);
        SourcePos p = pos(i);
        if (c == '$' || (c == '#' && i > 0 && identChar(src.charAt(i - 1)))) {
            // a constructor tag written right after the name: #hex, $binary, optionally ending in _
            i++;
            while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                i++;
            }
            return new Token(Kind.TAG, src.substring(start, i), p, start, i);
        }
        if (c == '#') {
            i++;
            if (i < src.length() && src.charAt(i) == '#') {
                i++;
            } else if (src.startsWith("<=", i)) {
                i += 2;
            } else if (i < src.length() && src.charAt(i) == '<') {
                i++;
            }
            return new Token(Kind.IDENT, src.substring(start, i), p, start, i);
        }
        if (Character.isDigit(c)) {
            while (i < src.length() && Character.isLetterOrDigit(src.charAt(i))) {
                i++;
            }
            return new Token(Kind.NUMBER, src.substring(start, i), p, start, i);
        }
        if (identChar(c)) {
            while (i < src.length() && identChar(src.charAt(i))) {
                i++;
            }
            return new Token(Kind.IDENT, src.substring(start, i), p, start, i);
        }
        for (String op : new String[] {"<=", ">=", "==", "!="}) {
            if (src.startsWith(op, i)) {
                i += 2;
                return new Token(Kind.PUNCT, op, p, start, i);
            }
        }
        if ("(){}[]:;=?.^~+*<>-".indexOf(c) >= 0) {
            i++;
            return new Token(Kind.PUNCT, String.valueOf(c), p, start, i);
        }
        throw new TlbSchemaException(p, "unexpected character '" + c + "'");
    }
}

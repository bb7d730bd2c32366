package io.cocoon4j.tlb.gen;

import java.util.Set;

/** TL-B names to Java names: {@code query_id} to {@code queryId}, {@code int_msg_info} to {@code IntMsgInfo}. */
final class Names {
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            // names the generated code uses itself
            "in", "out", "slice", "builder", "cell", "TAG", "TAG_BITS");

    private Names() {}

    static String upperCamel(String tlb) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : tlb.toCharArray()) {
            if (c == '_' || c == '!' || c == '.') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.length() == 0 ? "Value" : sb.toString();
    }

    static String lowerCamel(String tlb) {
        String u = upperCamel(tlb);
        String s = Character.toLowerCase(u.charAt(0)) + u.substring(1);
        return RESERVED.contains(s) ? s + "_" : s;
    }
}

package io.cocoon4j.enclave.dcap.collateral;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Typed, bounded reads of collateral JSON fields; a missing or mistyped field is a {@link CollateralException}. */
final class JsonFields {
    /** Intel's collateral has tens of TCB levels; this is far above that and far below harm. */
    static final int MAX_ARRAY = 1024;

    private final JsonNode node;
    private final String where;

    JsonFields(JsonNode node, String where) throws CollateralException {
        if (node == null || !node.isObject()) {
            throw new CollateralException(where + " is not a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    private JsonNode get(String name) throws CollateralException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new CollateralException(where + "." + name + " is missing");
        }
        return v;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    String text(String name) throws CollateralException {
        JsonNode v = get(name);
        if (!v.isTextual()) {
            throw new CollateralException(where + "." + name + " is not a string");
        }
        return v.asText();
    }

    int integer(String name) throws CollateralException {
        JsonNode v = get(name);
        if (!v.isInt() || v.asInt() < 0) {
            throw new CollateralException(where + "." + name + " is not a non-negative integer");
        }
        return v.asInt();
    }

    Instant instant(String name) throws CollateralException {
        String s = text(name);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new CollateralException(where + "." + name + " is not an ISO-8601 instant: " + s);
        }
    }

    byte[] hex(String name, int length) throws CollateralException {
        String s = text(name);
        try {
            byte[] b = HexFormat.of().parseHex(s);
            if (b.length != length) {
                throw new CollateralException(where + "." + name + " is " + b.length + " bytes, expected " + length);
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new CollateralException(where + "." + name + " is not hex");
        }
    }

    TcbStatus status(String name) throws CollateralException {
        String s = text(name);
        return TcbStatus.named(s).orElseThrow(() -> new CollateralException(where + "." + name + " is an unknown TCB status: " + s));
    }

    JsonFields object(String name) throws CollateralException {
        return new JsonFields(get(name), where + "." + name);
    }

    List<JsonFields> objects(String name) throws CollateralException {
        JsonNode v = get(name);
        if (!v.isArray() || v.size() > MAX_ARRAY) {
            throw new CollateralException(where + "." + name + " is not an array of at most " + MAX_ARRAY);
        }
        List<JsonFields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(new JsonFields(v.get(i), where + "." + name + "[" + i + "]"));
        }
        return out;
    }

    List<String> strings(String name) throws CollateralException {
        if (!has(name)) {
            return List.of();
        }
        JsonNode v = get(name);
        if (!v.isArray() || v.size() > MAX_ARRAY) {
            throw new CollateralException(where + "." + name + " is not an array of at most " + MAX_ARRAY);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new CollateralException(where + "." + name + " holds a non-string");
            }
            out.add(s.asText());
        }
        return List.copyOf(out);
    }

    /** Exactly {@code count} {@code {"svn": n}} entries. */
    int[] svns(String name, int count) throws CollateralException {
        List<JsonFields> items = objects(name);
        if (items.size() != count) {
            throw new CollateralException(where + "." + name + " has " + items.size() + " entries, expected " + count);
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = items.get(i).integer("svn");
        }
        return out;
    }
}

package io.cocoon4j.tlb.gen;

import io.cocoon4j.tlb.schema.SourcePos;
import io.cocoon4j.tlb.schema.TlbSchemaException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Get-method declarations written next to a TL-B schema, which has no syntax for them.
 *
 * <p>The format: a comment line containing {@code Get-methods} opens a block; each following
 * comment line {@code name[(arg:Type, ...)] -> result:Type [result:Type ...]} declares one
 * get-method (results in stack order, deepest first); anything in parentheses after the results
 * is a remark. The block ends at the first line that is not such a comment. Types: {@code uintN},
 * {@code intN}, {@code Bool}, {@code Coins}, {@code Cell}, {@code MsgAddress}/{@code MsgAddressInt}
 * (a slice), or a type of the schema (a slice or cell decoded with it). Example:
 * <pre>
 * // Get-methods:
 * //   get_counter -> counter:uint64
 * //   get_owner   -> owner:MsgAddressInt (a slice)
 * </pre>
 */
public final class GetMethods {
    /** One named, typed stack item. */
    public record Item(String name, String type) {}

    /** One declared get-method. */
    public record GetMethod(String name, List<Item> args, List<Item> results, SourcePos pos) {}

    private static final Pattern LINE = Pattern.compile(
            "^\\s*//\\s*([a-z_][a-z0-9_]*)\\s*(?:\\(([^)]*)\\))?\\s*->\\s*(.*?)\\s*$");
    private static final Pattern ITEM = Pattern.compile("([a-z_][a-z0-9_]*):([A-Za-z_#][A-Za-z0-9_]*)");

    private GetMethods() {}

    /** The get-methods declared in a schema file's comments. */
    public static List<GetMethod> parse(String file, String text) {
        List<GetMethod> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.trim().startsWith("//") && line.contains("Get-methods")) {
                inBlock = true;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                inBlock = false;
                continue;
            }
            SourcePos pos = new SourcePos(file, i + 1, m.start(1) + 1);
            String results = m.group(3).replaceAll("\\(.*\\)\\s*$", "").trim();
            out.add(new GetMethod(m.group(1), items(m.group(2) == null ? "" : m.group(2), pos),
                    items(results, pos), pos));
        }
        return out;
    }

    private static List<Item> items(String text, SourcePos pos) {
        List<Item> items = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = ITEM.matcher(part);
            if (!m.matches()) {
                throw new TlbSchemaException(pos, "get-method item '" + part + "' is not name:Type");
            }
            items.add(new Item(m.group(1), m.group(2)));
        }
        return items;
    }
}

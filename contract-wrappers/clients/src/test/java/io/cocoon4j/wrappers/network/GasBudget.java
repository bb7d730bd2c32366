package io.cocoon4j.wrappers.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gas::* constants of contracts/src/main/func/common/protocol.fc, read from the source. */
final class GasBudget {
    private static final Path SOURCE = Path.of("../../contracts/src/main/func/common/protocol.fc");
    private static final Map<String, Long> CONSTANTS = read();

    private GasBudget() {}

    static long of(String name) {
        Long v = CONSTANTS.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no const int gas::" + name + " in " + SOURCE);
        }
        return v;
    }

    private static Map<String, Long> read() {
        try {
            Map<String, Long> found = new TreeMap<>();
            Matcher m = Pattern.compile("const int gas::(\\w+) = (\\d+);").matcher(Files.readString(SOURCE));
            while (m.find()) {
                found.put(m.group(1), Long.parseLong(m.group(2)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

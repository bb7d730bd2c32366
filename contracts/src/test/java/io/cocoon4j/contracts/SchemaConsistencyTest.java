package io.cocoon4j.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The FunC constants and the TL-B schemas say the same thing: op codes, tags, error numbers. */
class SchemaConsistencyTest {
  private static final Path SOURCES = Path.of("src/main/func");
  private static final Pattern OP = Pattern.compile("const int op::(\\w+) = 0x([0-9a-f]{8});");
  private static final Pattern ERROR = Pattern.compile("const int error::(\\w+) = (\\d+);");
  // A constructor with an explicit 32-bit tag at the start of a line: `name#0123abcd ...`.
  private static final Pattern TAGGED = Pattern.compile("(?m)^(\\w+)#([0-9a-f]{8})\\b");

  @Test
  void everyOpCodeIsTheTagOfTheSameNamedConstructorAndViceVersa() throws IOException {
    Map<String, Long> ops = constants(Files.readString(SOURCES.resolve("common/opcodes.fc")), OP, 16);
    Map<String, Long> tags = new TreeMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path tlb : files.filter(p -> p.toString().endsWith(".tlb")).toList()) {
        tags.putAll(constants(Files.readString(tlb), TAGGED, 16));
      }
    }
    assertThat(ops).containsKeys("increment", "reset", "burn_gas", "withdraw", "ext_increment");
    assertThat(ops).isEqualTo(tags);
    assertThat(new HashSet<>(ops.values())).as("op codes are distinct").hasSameSizeAs(ops.values());
  }

  @Test
  void errorCodesAreDistinctAndAboveTheRuntimeRange() throws IOException {
    Map<String, Long> errors = constants(Files.readString(SOURCES.resolve("common/errors.fc")), ERROR, 10);
    assertThat(errors).containsEntry("not_owner", 1001L).containsEntry("unknown_op", 1002L);
    assertThat(errors.values()).allSatisfy(code -> assertThat(code).isBetween(1000L, 65535L));
    Set<Long> distinct = new HashSet<>(errors.values());
    assertThat(distinct).hasSameSizeAs(errors.values());
  }

  private static Map<String, Long> constants(String text, Pattern pattern, int radix) {
    Map<String, Long> found = new TreeMap<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      Long previous = found.put(m.group(1), Long.parseLong(m.group(2), radix));
      assertThat(previous).as("%s defined twice", m.group(1)).isNull();
    }
    return found;
  }
}

package io.cocoon4j.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.Cell;

/** The compiled contracts in the jar: complete, consistent with the sources, hashes verified. */
class ContractsTest {
  private static final Path SOURCES = Path.of("src/main/func");

  @Test
  void everyContractSourceHasACompiledContract() throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.list(SOURCES)) {
      sources = files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".fc"))
          .map(n -> n.substring(0, n.length() - ".fc".length()))
          .sorted()
          .toList();
    }
    assertThat(sources).contains("counter");
    assertThat(Contracts.names()).containsExactlyElementsOf(sources);
    assertThat(Contracts.all()).extracting(CompiledContract::name).containsExactlyElementsOf(sources);
  }

  @Test
  void everyRecordedHashIsTheHashOfItsCodeCellAsTon4jComputesIt() {
    for (CompiledContract contract : Contracts.all()) {
      byte[] boc = contract.codeBoc();
      assertThat(boc).startsWith(0xb5, 0xee, 0x9c, 0x72); // serialized_boc magic
      Cell code = Cell.fromBoc(boc);
      assertThat(HexFormat.of().formatHex(code.getHash()))
          .as("code hash of %s", contract.name())
          .isEqualTo(contract.codeHash());
      assertThat(contract.codeHashBytes()).isEqualTo(code.getHash());
    }
  }

  @Test
  void schemaIsTheContractsTlbFile() throws IOException {
    for (CompiledContract contract : Contracts.all()) {
      assertThat(contract.tlbSchema())
          .isEqualTo(Files.readString(SOURCES.resolve(contract.name() + ".tlb")));
    }
    assertThat(Contracts.load("counter").tlbSchema()).contains("= CounterStorage;", "= CounterMsg;");
  }

  @Test
  void unknownNameIsAClearTypedError() {
    assertThatThrownBy(() -> Contracts.load("countr"))
        .isInstanceOf(UnknownContractException.class)
        .hasMessage("no compiled contract named 'countr'; this build has: " + String.join(", ", Contracts.names()))
        .satisfies(e -> {
          UnknownContractException u = (UnknownContractException) e;
          assertThat(u.requested()).isEqualTo("countr");
          assertThat(u.known()).contains("counter");
        });
    assertThatThrownBy(() -> Contracts.load(null)).isInstanceOf(UnknownContractException.class);
  }

  @Test
  void callersCannotAlterTheSharedCode() {
    CompiledContract counter = Contracts.load("counter");
    byte[] first = counter.codeBoc();
    first[first.length - 1] ^= 0x55;
    assertThat(Contracts.load("counter").codeBoc()).isNotEqualTo(first);
    assertThat(Contracts.load("counter")).isEqualTo(counter).hasSameHashCodeAs(counter);
  }

  @Test
  void compilerVersionIsRecorded() {
    assertThat(Contracts.funcVersion()).isEqualTo("0.4.6");
  }

  @Test
  void recordRejectsMalformedHash() {
    assertThatThrownBy(() -> new CompiledContract("x", new byte[] {1}, "ABC", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lower-case hex digits");
  }
}

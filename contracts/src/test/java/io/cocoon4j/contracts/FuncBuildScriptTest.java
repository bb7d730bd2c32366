package io.cocoon4j.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build script {@code build/compile.mjs} run with node on sources in a temp folder: what a
 * contract developer sees when a contract is wrong.
 */
class FuncBuildScriptTest {
  private static final String STDLIB = "() set_data(cell c) impure asm \"c4 POP\";\n"
      + "builder begin_cell() asm \"NEWC\";\n"
      + "cell end_cell(builder b) asm \"ENDC\";\n";

  @TempDir Path src;
  @TempDir Path out;

  @Test
  void funcErrorFailsWithTheCompilersFileLineAndColumn() throws Exception {
    write("broken.fc", "() recv_internal() impure {\n  int x = 1;\n  x = y + 1;\n}\n");
    write("broken.tlb", "");
    Result r = compile();
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.stderr).contains(src.resolve("broken.fc") + ":3:").contains("error");
    assertThat(out.resolve("io")).doesNotExist();
  }

  @Test
  void errorInASharedIncludeNamesTheIncludedFile() throws Exception {
    write("common/lib.fc", "int twice(int x) {\n  return x * 2\n}\n");
    write("app.fc", "#include \"common/lib.fc\";\n() recv_internal() impure { }\n");
    write("app.tlb", "");
    Result r = compile();
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.stderr).contains(src.resolve("common/lib.fc") + ":3:");
  }

  @Test
  void topLevelFileWithoutRecvInternalIsRejectedWithTheRule() throws Exception {
    write("opcodes.fc", "const int op::x = 1;\n");
    Result r = compile();
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.stderr).contains("opcodes.fc", "must define recv_internal", "common/");
  }

  @Test
  void contractWithoutSchemaIsRejected() throws Exception {
    write("lonely.fc", "() recv_internal() impure { }\n");
    Result r = compile();
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.stderr).contains("lonely.fc", "add lonely.tlb beside it");
  }

  @Test
  void compilesEveryContractDeterministically() throws Exception {
    write("common/stdlib.fc", STDLIB);
    write("alpha.fc", "#include \"common/stdlib.fc\";\n"
        + "() recv_internal() impure { set_data(begin_cell().store_uint(1, 8).end_cell()); }\n");
    write("alpha.tlb", "alpha$_ x:uint8 = Alpha;\n");
    write("beta.fc", "() recv_internal() impure { }\n");
    write("beta.tlb", "");
    assertThat(compile().exit).isZero();
    Path pkg = out.resolve("io/cocoon4j/contracts");
    byte[] index = Files.readAllBytes(pkg.resolve("contracts.properties"));
    byte[] alpha = Files.readAllBytes(pkg.resolve("alpha.code.boc"));
    assertThat(new String(index, StandardCharsets.UTF_8))
        .contains("contracts=alpha,beta\n", "alpha.code.hash=", "beta.code.hash=", "func.version=0.4.6");
    assertThat(pkg.resolve("alpha.tlb")).hasContent("alpha$_ x:uint8 = Alpha;");
    assertThat(pkg.resolve("stdlib.code.boc")).doesNotExist();

    Files.writeString(pkg.resolve("stale.code.boc"), "left over from a removed contract");
    assertThat(compile().exit).isZero();
    assertThat(Files.readAllBytes(pkg.resolve("contracts.properties"))).isEqualTo(index);
    assertThat(Files.readAllBytes(pkg.resolve("alpha.code.boc"))).isEqualTo(alpha);
    assertThat(pkg.resolve("stale.code.boc")).doesNotExist();
  }

  private void write(String name, String content) throws IOException {
    Path file = src.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private record Result(int exit, String stderr) {}

  private Result compile() throws Exception {
    NodeScript.Result r = NodeScript.of("build/compile.mjs", src.toString(), out.toString()).run(Duration.ofSeconds(60));
    return new Result(r.exitCode(), r.stderr());
  }
}

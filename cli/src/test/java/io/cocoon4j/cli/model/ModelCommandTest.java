package io.cocoon4j.cli.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {
    static final String TINY_F32 = "05a567ddc74451d742ffbceb937584c9b91b04a354c277280c63770c96843c75";
    static final String TINY_Q8_0 = "d303490296a27ce17ce92f9f98007e63a4df64679ee7aeb2f790a91d5cf37890";

    @TempDir
    Path dir;

    @Test
    void genTinyWritesThePinnedModelAndHashAgrees() throws Exception {
        Path f = dir.resolve("t.gguf");
        CliRun gen = CliRun.of("model", "gen-tiny", "--out", f.toString(), "--json");
        assertThat(gen.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(gen.out());
        assertThat(j.get("sha256").asText()).isEqualTo(TINY_F32);
        assertThat(j.get("bytes").asLong()).isEqualTo(Files.size(f));
        CliRun hash = CliRun.of("model", "hash", f.toString(), "--json");
        assertThat(hash.exit()).isZero();
        JsonNode h = new ObjectMapper().readTree(hash.out());
        assertThat(h.get("sha256").asText()).isEqualTo(TINY_F32);
        assertThat(h.get("architecture").asText()).isEqualTo("llama");
        assertThat(h.get("vocab").asInt()).isEqualTo(556);
    }

    @Test
    void lowerPrecisionVariant() throws Exception {
        Path f = dir.resolve("q8.gguf");
        CliRun gen = CliRun.of("model", "gen-tiny", "--type", "q8_0", "--out", f.toString(), "--json");
        assertThat(new ObjectMapper().readTree(gen.out()).get("sha256").asText()).isEqualTo(TINY_Q8_0);
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        CliRun missing = CliRun.of("model", "hash", dir.resolve("absent.gguf").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err().lines()).singleElement().asString().contains("no such file");
        CliRun shape = CliRun.of("model", "gen-tiny", "--shape", "huge", "--out", dir.resolve("x.gguf").toString());
        assertThat(shape.exit()).isNotZero();
        assertThat(shape.err().lines()).singleElement().asString().contains("unknown model shape 'huge'");
        assertThat(dir.resolve("x.gguf")).doesNotExist();
    }

    @Test
    void hashOfANonGgufFileReportsTheProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "plain text, not a model");
        CliRun hash = CliRun.of("model", "hash", f.toString(), "--json");
        assertThat(hash.exit()).isZero();
        assertThat(new ObjectMapper().readTree(hash.out()).get("gguf_error").asText()).contains("not a GGUF file");
    }
}

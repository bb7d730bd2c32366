package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dcocoon.llama.lib} selects another build of the library (how a CUDA build is loaded).
 * The library loads once per JVM, so each case runs in a child JVM.
 */
class LibraryOverrideTest {
    @TempDir
    Path dir;

    /** Child JVM entry point: opens the tiny model, prints the engine id and greedy tokens. */
    public static void main(String[] args) {
        try (LlamaEngine e = LlamaEngine.open(Path.of(args[0]), EngineOptions.defaults().withThreads(1).withContextLength(64))) {
            int[] prompt = e.tokenize("hello", true);
            System.out.println(e.engineId().value());
            System.out.println(java.util.Arrays.toString(e.generate(prompt, 8, TokenChooser.GREEDY, false).tokens()));
        } catch (EngineException ex) {
            System.out.println(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    @Test
    void anotherCopyOfTheLibraryLoadsThroughTheOption() throws Exception {
        Path bundled = NativeLibraryLoader.get().path();
        Path copy = Files.copy(bundled, dir.resolve("libllama-copy.so"), StandardCopyOption.COPY_ATTRIBUTES);
        List<String> viaOption = child("-Dcocoon.llama.lib=" + copy);
        List<String> viaDefault = child("-Dcocoon.llama.cache=" + dir.resolve("cache"));
        assertThat(viaOption).hasSize(2);
        assertThat(viaOption).isEqualTo(viaDefault);
        assertThat(viaOption.get(0)).startsWith("llama.cpp-b4916-c6af2161/cpu/");
        assertThat(Files.list(dir.resolve("cache")).count()).isEqualTo(1);
    }

    @Test
    void aMissingOverrideIsAClearError() throws Exception {
        List<String> out = child("-Dcocoon.llama.lib=" + dir.resolve("absent.so"));
        assertThat(out).singleElement().asString()
            .startsWith("NativeEngineException: llama.cpp library").contains("does not exist");
    }

    private List<String> child(String property) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), property, LibraryOverrideTest.class.getName(),
            TinyModel.path().toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return lines;
    }
}

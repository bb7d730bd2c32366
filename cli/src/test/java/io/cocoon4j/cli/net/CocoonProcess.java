package io.cocoon4j.cli.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@code cocoon} command in its own JVM (as the launcher runs it), on the test classpath. */
final class CocoonProcess {
    private CocoonProcess() {}

    /** The command line that runs cocoon: what the scripts get as $COCOON. */
    static List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-XX:-DontCompileHugeMethods", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), "io.cocoon4j.cli.Cocoon");
    }

    /** Starts {@code cocoon up ...} and waits for the endpoint line; the endpoint is in {@link Up#endpoint}. */
    static Up up(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(command());
        cmd.add("up");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                String found = null;
                while ((line = r.readLine()) != null) {
                    if (found == null && line.startsWith("endpoint: ")) {
                        found = line.substring("endpoint: ".length()).trim();
                        return found;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String e = endpoint.get(180, TimeUnit.SECONDS);
            if (e == null) {
                throw new IllegalStateException("cocoon up exited without printing its endpoint (exit " + p.waitFor() + ")");
            }
            return new Up(p, e);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("cocoon up did not start: " + e, e);
        }
    }

    record Up(Process process, String endpoint) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

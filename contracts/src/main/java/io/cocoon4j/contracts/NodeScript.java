package io.cocoon4j.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way cocoon4j runs Node.js (build-time tools, the @ton/sandbox reference in tests and
 * benchmarks): {@code node} with arguments, optional standard input and environment, and a deadline
 * that holds. Standard output and error are drained on their own threads while the process runs, so
 * a chatty script cannot block on a full pipe and a hung one is killed (with its children) when the
 * deadline passes, not after its output ends.
 *
 * <pre>{@code
 * NodeScript.Result r = NodeScript.of(script.toString(), "arg").run(Duration.ofMinutes(3));
 * if (r.exitCode() != 0) { ... r.stderr() ... }
 * JsonNode json = mapper.readTree(r.stdout());
 * }</pre>
 */
public final class NodeScript {

  /** What a finished script left: its exit code, standard output (bytes) and standard error (text). */
  public record Result(int exitCode, byte[] stdout, String stderr) {
    /** Standard output as UTF-8 text. */
    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private final List<String> arguments;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Path directory;
  private byte[] stdin;
  private boolean inheritStderr;

  private NodeScript(List<String> arguments) {
    this.arguments = List.copyOf(arguments);
  }

  /** {@code node} with these arguments (a script path and its arguments, or Node options first). */
  public static NodeScript of(String... arguments) {
    return new NodeScript(List.of(arguments));
  }

  /** {@code node} with these arguments. */
  public static NodeScript of(List<String> arguments) {
    return new NodeScript(arguments);
  }

  /** Whether {@code node} can be started at all (tests skip, loudly, when it cannot). */
  public static boolean available() {
    try {
      return of("--version").run(Duration.ofSeconds(20)).exitCode() == 0;
    } catch (NodeScriptException e) {
      return false;
    }
  }

  /** Runs in {@code dir} instead of the current directory. */
  public NodeScript in(Path dir) {
    this.directory = dir;
    return this;
  }

  /** Adds an environment variable. */
  public NodeScript env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Bytes written to the script's standard input, which is then closed. */
  public NodeScript stdin(byte[] bytes) {
    this.stdin = bytes.clone();
    return this;
  }

  /** Lets the script's standard error through to this process's (progress of long runs); not captured. */
  public NodeScript inheritStderr() {
    this.inheritStderr = true;
    return this;
  }

  /**
   * Runs the script to its end or the deadline.
   *
   * @return exit code and output; a non-zero exit is a result, for the caller to judge
   * @throws NodeScriptException when {@code node} cannot start, the deadline passes (the process and
   *                             its descendants are killed first), or the wait is interrupted
   */
  public Result run(Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(environment);
    if (inheritStderr) {
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new NodeScriptException("cannot start node (is Node.js on the PATH?): " + e.getMessage(), false, e);
    }
    Drain out = new Drain(process.getInputStream(), "stdout");
    Drain err = inheritStderr ? null : new Drain(process.getErrorStream(), "stderr");
    Thread feeder = stdin == null ? null : feed(process.getOutputStream(), stdin);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new NodeScriptException("node " + String.join(" ", arguments) + " did not finish in "
            + timeout.toSeconds() + " s and was killed" + tail(err), true, null);
      }
      out.join();
      if (err != null) {
        err.join();
      }
      if (feeder != null) {
        feeder.join();
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new NodeScriptException("interrupted while waiting for node", false, e);
    }
    return new Result(process.exitValue(), out.bytes(), err == null ? "" : err.text());
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String tail(Drain err) {
    if (err == null) {
      return "";
    }
    String text = err.text().strip();
    return text.isEmpty() ? "" : "; its stderr: " + (text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text);
  }

  /** Writes the input on its own thread: a script that reads nothing cannot block the deadline. */
  private static Thread feed(OutputStream in, byte[] bytes) {
    Thread t = new Thread(() -> {
      try (in) {
        in.write(bytes);
      } catch (IOException e) {
        // The script exited without reading all of it: its exit code tells the caller.
      }
    }, "node-stdin");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Reads one output stream to its end on a daemon thread. */
  private static final class Drain {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile IOException failure;

    Drain(InputStream in, String name) {
      thread = new Thread(() -> {
        try (in) {
          in.transferTo(buffer);
        } catch (IOException e) {
          failure = e;
        }
      }, "node-" + name);
      thread.setDaemon(true);
      thread.start();
    }

    void join() throws InterruptedException {
      thread.join();
      if (failure != null) {
        throw new UncheckedIOException("cannot read node's output", failure);
      }
    }

    byte[] bytes() {
      return buffer.toByteArray();
    }

    String text() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }
  }
}

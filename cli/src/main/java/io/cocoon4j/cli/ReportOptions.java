package io.cocoon4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option of every command that reports, and where the report goes. Add it to
 * a command with {@code @Mixin ReportOptions output;} and end with {@code output.print(fields)}:
 * one JSON object with {@code --json}, {@code key: value} lines without, always on the command
 * line's standard output ({@link picocli.CommandLine#getOut()}), so tests can capture it with
 * {@code setOut}. Progress and logs belong on standard error.
 */
public final class ReportOptions {

    @Option(names = "--json", description = "Print exactly one JSON object on standard output (progress goes to standard error).")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether {@code --json} was given. */
    public boolean json() {
        return json;
    }

    /** Prints {@code fields} as the report (see {@link JsonReport}) and flushes. */
    public void print(Map<String, ?> fields) {
        JsonReport.print(fields, json, out());
        out().flush();
    }

    /** The command's standard output, for text a report adds after its fields. */
    public PrintWriter out() {
        return command.commandLine().getOut();
    }
}

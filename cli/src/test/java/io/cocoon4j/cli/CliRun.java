package io.cocoon4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code cocoon ...} invocation run in-process as a user runs it: exit status, standard output and error. */
public record CliRun(int exit, String out, String err) {

    /** Runs {@code cocoon args...} with its standard output and error captured. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cocoon.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Standard output parsed as the one JSON object a {@code --json} run prints. */
    public JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }
}

package io.cocoon4j.cli;

import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on standard error and exit code 1,
 * instead of a stack trace. Set {@code COCOON_DEBUG=1} to see the trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        if (System.getenv("COCOON_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}

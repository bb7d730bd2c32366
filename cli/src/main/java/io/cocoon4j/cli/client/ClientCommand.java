package io.cocoon4j.cli.client;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cocoon client …}: pay for inference as a client. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = "Pay for inference as a client.",
    subcommands = {ClientServeCommand.class})
public final class ClientCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

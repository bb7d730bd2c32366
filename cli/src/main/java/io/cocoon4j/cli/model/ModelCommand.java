package io.cocoon4j.cli.model;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cocoon model …}: generate and identify model files. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Generate the seeded test models and hash model files.",
    subcommands = {GenTinyCommand.class, HashCommand.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

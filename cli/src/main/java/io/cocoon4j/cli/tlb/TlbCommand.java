package io.cocoon4j.cli.tlb;

import picocli.CommandLine.Command;

/** {@code cocoon tlb}: TL-B tools for contract developers. */
@Command(
    name = "tlb",
    mixinStandardHelpOptions = true,
    description = "TL-B tools: generate typed Java from TL-B schemas.",
    subcommands = {TlbGenerateCommand.class})
public final class TlbCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

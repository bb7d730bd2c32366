package io.cocoon4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cocoon} command: one entry point for operators, runners, verifiers, clients and
 * contract developers. Every subcommand has {@code --help}; every subcommand that reports has
 * {@code --json}, which prints exactly one JSON object on standard output while progress and
 * logs go to standard error.
 */
@Command(
    name = "cocoon",
    mixinStandardHelpOptions = true,
    versionProvider = Cocoon.Version.class,
    description = "Decentralized, confidential and verifiable AI inference on TON.",
    subcommands = {
        BenchCommand.class,
        io.cocoon4j.cli.net.UpCommand.class,
        io.cocoon4j.cli.net.DeployCommand.class,
        io.cocoon4j.cli.net.WalletCommand.class,
        io.cocoon4j.cli.net.RunnerCommand.class,
        io.cocoon4j.cli.net.VerifierCommand.class,
        io.cocoon4j.cli.net.JobCommand.class,
        io.cocoon4j.cli.model.ModelCommand.class,
        io.cocoon4j.cli.attest.AttestCommand.class,
        DemoCommand.class,
        io.cocoon4j.cli.client.ClientCommand.class,
        io.cocoon4j.cli.tlb.TlbCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Cocoon implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Runs the CLI and exits; native libraries may keep non-daemon threads alive, hence the explicit exit. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Cocoon())
            .setExecutionExceptionHandler(new ErrorReporter());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cocoon.class.getPackage().getImplementationVersion();
            return new String[] {"cocoon4j " + (v == null ? "(development build)" : v)};
        }
    }
}

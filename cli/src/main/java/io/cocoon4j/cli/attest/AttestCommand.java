package io.cocoon4j.cli.attest;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cocoon attest …}: enclave attestation tools. */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = "Enclave attestation: verify Intel TDX quotes and RA-TLS endpoints.",
    subcommands = {AttestVerifyCommand.class, AttestRaTlsCommand.class})
public final class AttestCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

package io.cocoon4j.cli.net;

import io.cocoon4j.network.wallet.KeyFile;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a wallet's password comes from: {@code --key-file} (its bytes), {@code --password-file} (its
 * first line), {@code $COCOON_WALLET_PASSWORD}, or a prompt on the terminal. Secret files must be
 * owner-only. The secret is never printed.
 */
public final class SecretOptions {

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the wallet password from the first line of FILE (chmod 600 it).")
    Path passwordFile;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Use the bytes of FILE (at least 32, e.g. `head -c 32 /dev/urandom > FILE; chmod 600 FILE`)"
                    + " instead of a password.")
    Path keyFile;

    /** The secret bytes; {@code confirm} asks twice on a terminal (for new wallets). */
    public byte[] secret(boolean confirm) {
        try {
            if (keyFile != null) {
                KeyFile.requireOwnerOnly(keyFile);
                byte[] b = Files.readAllBytes(keyFile);
                if (b.length < 32) {
                    throw new IllegalArgumentException("the key file " + keyFile + " holds " + b.length
                            + " bytes; use at least 32 random bytes");
                }
                return b;
            }
            if (passwordFile != null) {
                KeyFile.requireOwnerOnly(passwordFile);
                String first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                return checked(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (keyFile != null ? keyFile : passwordFile) + ": " + e.getMessage(), e);
        }
        String env = System.getenv("COCOON_WALLET_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return checked(env);
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no password: give --password-file FILE or --key-file FILE, or set"
                    + " COCOON_WALLET_PASSWORD, or run on a terminal to be asked");
        }
        char[] p = console.readPassword("wallet password: ");
        if (confirm) {
            char[] again = console.readPassword("again: ");
            if (!Arrays.equals(p, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
        }
        return checked(new String(p));
    }

    private static byte[] checked(String password) {
        if (password.length() < 8) {
            throw new IllegalArgumentException("the wallet password must have at least 8 characters");
        }
        return password.getBytes(StandardCharsets.UTF_8);
    }
}

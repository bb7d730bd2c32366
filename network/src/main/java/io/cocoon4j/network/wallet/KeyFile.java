package io.cocoon4j.network.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A wallet's secret at rest: its 24 words encrypted with AES-256-GCM under a key derived from a
 * password (or the bytes of a key file) with scrypt. The wallet version and public key
 * are stored in the clear and bound to the ciphertext as associated data, so editing them breaks
 * decryption. Files are written owner-only ({@code 0600}, directory {@code 0700}) and refused when
 * others can read them. Nothing secret is ever put in an exception message.
 *
 * <p>The address is not stored: wallet v5r1's depends on the network (its wallet id includes the
 * network's global id); {@link Wallet#addressOf} computes it.
 *
 * @param kind the wallet contract
 * @param publicKeyHex the Ed25519 public key
 */
public record KeyFile(WalletKind kind, String publicKeyHex) {
    private static final String FORMAT = "cocoon-wallet-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** scrypt cost: N = 2^15, r = 8, p = 1 (about 32 MiB and a fraction of a second). */
    public static final int SCRYPT_N = 1 << 15;
    private static final int SCRYPT_R = 8;
    private static final int SCRYPT_P = 1;

    /** Why a key file cannot be opened: wrong secret, damaged, or too open. */
    public static final class KeyFileException extends RuntimeException {
        public KeyFileException(String message) {
            super(message);
        }
    }

    /**
     * Encrypts {@code words} into a new file {@code file} (never overwriting one).
     *
     * @param secret the password's UTF-8 bytes or a key file's bytes; not kept
     */
    public static KeyFile create(Path file, WalletKind kind, List<String> words, byte[] secret, int scryptN) {
        var keys = Mnemonics.keys(words);
        KeyFile header = new KeyFile(kind, keys.publicKey().hex());
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] key = SCrypt.generate(secret, salt, scryptN, SCRYPT_R, SCRYPT_P, 32);
        byte[] plain = String.join(" ", words).getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(header.aad());
            ciphertext = c.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("wallet", kind.id());
        o.put("public_key", header.publicKeyHex());
        ObjectNode kdf = o.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.put("n", scryptN);
        kdf.put("r", SCRYPT_R);
        kdf.put("p", SCRYPT_P);
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        ObjectNode cipher = o.putObject("cipher");
        cipher.put("name", "aes-256-gcm");
        cipher.put("nonce", Base64.getEncoder().encodeToString(nonce));
        o.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        writeOwnerOnly(file, o);
        return header;
    }

    /** Reads the public part of a key file (no secret needed), after checking its permissions. */
    public static KeyFile read(Path file) {
        JsonNode o = load(file);
        return header(o, file);
    }

    /**
     * Decrypts the words of {@code file}.
     *
     * @throws KeyFileException for a wrong password or key file, a modified file, or loose permissions
     */
    public static List<String> words(Path file, byte[] secret) {
        JsonNode o = load(file);
        KeyFile header = header(o, file);
        JsonNode kdf = o.path("kdf");
        if (!kdf.path("name").asText().equals("scrypt") || !o.path("cipher").path("name").asText().equals("aes-256-gcm")) {
            throw new KeyFileException(file + " uses an unknown KDF or cipher");
        }
        byte[] key = SCrypt.generate(secret, b64(kdf, "salt", file), kdf.path("n").asInt(), kdf.path("r").asInt(),
                kdf.path("p").asInt(), 32);
        byte[] plain = null;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, b64(o.path("cipher"), "nonce", file)));
            c.updateAAD(header.aad());
            plain = c.doFinal(b64(o, "ciphertext", file));
            List<String> words = List.of(new String(plain, StandardCharsets.UTF_8).split(" "));
            if (!Mnemonics.keys(words).publicKey().hex().equals(header.publicKeyHex())) {
                throw new KeyFileException(file + " is inconsistent: its words do not give its public key");
            }
            return words;
        } catch (AEADBadTagException e) {
            throw new KeyFileException("wrong password or key file for " + file + " (or the file was modified)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private byte[] aad() {
        return (FORMAT + "|" + kind.id() + "|" + publicKeyHex).getBytes(StandardCharsets.UTF_8);
    }

    private static KeyFile header(JsonNode o, Path file) {
        if (!o.path("format").asText().equals(FORMAT)) {
            throw new KeyFileException(file + " is not a cocoon wallet file (format " + FORMAT + ")");
        }
        return new KeyFile(WalletKind.parse(o.path("wallet").asText()), o.path("public_key").asText());
    }

    private static byte[] b64(JsonNode o, String field, Path file) {
        try {
            return Base64.getDecoder().decode(o.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file + " is damaged: '" + field + "' is not base64");
        }
    }

    private static JsonNode load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KeyFileException("no wallet file " + file);
        }
        requireOwnerOnly(file);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new KeyFileException(file + " is not readable JSON: " + e.getMessage());
        }
    }

    /**
     * Refuses a secret file that group or others may read or write (on POSIX file systems).
     *
     * @throws KeyFileException naming the mode and the {@code chmod} that fixes it
     */
    public static void requireOwnerOnly(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> loose = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            if (perms.stream().anyMatch(loose::contains)) {
                throw new KeyFileException(file + " is accessible to other users (" + PosixFilePermissions.toString(perms)
                        + "); run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOwnerOnly(Path file, JsonNode content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not POSIX
                }
            }
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file + " exists; choose another name or remove it first");
            }
            Path tmp = Files.createTempFile(dir, ".wallet", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX
            }
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(e.getFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

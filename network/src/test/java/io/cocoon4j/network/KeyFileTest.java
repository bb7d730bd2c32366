package io.cocoon4j.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.network.wallet.KeyFile;
import io.cocoon4j.network.wallet.Mnemonics;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wallet secrets at rest: scrypt + AES-GCM, owner-only files, clear refusals, no secret in any message. */
class KeyFileTest {
    static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    static final int FAST_N = 1 << 10; // tests only: the real cost is KeyFile.SCRYPT_N

    @Test
    void roundTripKeepsTheWordsAndTheFileHoldsNoSecretInTheClear(@TempDir Path dir) throws IOException {
        List<String> words = Mnemonics.generate();
        Path f = dir.resolve("wallets/alice.json");
        KeyFile k = KeyFile.create(f, WalletKind.V5R1, words, PASSWORD, FAST_N);
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(f.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String text = Files.readString(f);
        assertThat(text).doesNotContain(String.join(" ", words.subList(0, 2))).doesNotContain(String.join(" ", words.subList(10, 12)));
        assertThat(KeyFile.words(f, PASSWORD)).isEqualTo(words);
        assertThat(KeyFile.read(f)).isEqualTo(k);
        assertThat(k.publicKeyHex()).isEqualTo(Mnemonics.keys(words).publicKey().hex());
        assertThat(Wallet.addressOf(WalletKind.V5R1, Mnemonics.keys(words), WalletV5.MAINNET_GLOBAL_ID))
                .isNotEqualTo(Wallet.addressOf(WalletKind.V5R1, Mnemonics.keys(words), WalletV5.TESTNET_GLOBAL_ID));
    }

    @Test
    void wrongPasswordTamperingAndLoosePermissionsAreRefused(@TempDir Path dir) throws IOException {
        List<String> words = Mnemonics.generate();
        Path f = dir.resolve("bob.json");
        KeyFile.create(f, WalletKind.V4R2, words, PASSWORD, FAST_N);
        assertThatThrownBy(() -> KeyFile.words(f, "wrong".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyFile.KeyFileException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> KeyFile.create(f, WalletKind.V4R2, words, PASSWORD, FAST_N))
                .isInstanceOf(KeyFile.KeyFileException.class).hasMessageContaining("exists");

        // swapping the wallet version in the clear header breaks decryption (it is authenticated)
        Path g = dir.resolve("tampered.json");
        Files.writeString(g, Files.readString(f).replace("\"v4r2\"", "\"v5r1\""));
        Files.setPosixFilePermissions(g, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyFile.words(g, PASSWORD)).isInstanceOf(KeyFile.KeyFileException.class);

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.words(f, PASSWORD))
                .isInstanceOf(KeyFile.KeyFileException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void mnemonicsAreCheckedWithoutEchoingThem() throws Exception {
        List<String> words = Mnemonics.generate();
        assertThat(words).hasSize(24);
        assertThat(Mnemonics.parse(String.join("  ", words).toUpperCase())).isEqualTo(words);
        // One word changed: such a list is still a valid TON mnemonic about once in 256 (the seed's
        // first byte decides), so take the first replacement that TON's own check refuses.
        List<String> typo = new java.util.ArrayList<>(words);
        for (String w : List.of("abandon", "ability", "able", "about", "above", "absent", "absorb", "abstract")) {
            typo.set(3, w);
            if (!w.equals(words.get(3)) && !org.ton.ton4j.mnemonic.Mnemonic.isValid(typo, "")) {
                break;
            }
        }
        assertThat(org.ton.ton4j.mnemonic.Mnemonic.isValid(typo, "")).as("a typo TON's check refuses").isFalse();
        assertThatThrownBy(() -> Mnemonics.parse(String.join(" ", typo)))
                .hasMessageContaining("not a valid TON mnemonic")
                .hasMessageNotContaining(words.get(0));
        assertThatThrownBy(() -> Mnemonics.parse("one two three")).hasMessageContaining("24 words");
    }
}

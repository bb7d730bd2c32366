package io.cocoon4j.network.wallet;

import io.cocoon4j.chain.Ed25519Keys;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import org.ton.ton4j.mnemonic.Mnemonic;
import org.ton.ton4j.mnemonic.Pair;

/**
 * TON's 24-word mnemonics (the scheme of TON wallets, not BIP-39): generation, validation and the
 * Ed25519 key they derive, through ton4j's mnemonic module. Words never appear in exceptions.
 */
public final class Mnemonics {
    public static final int WORDS = 24;

    private Mnemonics() {}

    /** 24 fresh words (no mnemonic password). */
    public static List<String> generate() {
        try {
            return List.copyOf(Mnemonic.generate(WORDS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a mnemonic: " + e.getMessage(), e);
        }
    }

    /** Splits and checks words typed or pasted by a person. */
    public static List<String> parse(String text) {
        List<String> words = Arrays.stream(text.trim().toLowerCase().split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
        if (words.size() != WORDS) {
            throw new IllegalArgumentException("a TON mnemonic has " + WORDS + " words; got " + words.size());
        }
        try {
            if (!Mnemonic.isValid(words, "")) {
                throw new IllegalArgumentException("these " + WORDS + " words are not a valid TON mnemonic"
                        + " (a typo, or words from another wallet scheme such as BIP-39)");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot check the mnemonic: " + e.getMessage(), e);
        }
        return words;
    }

    /** The wallet key of {@code words}, as TON wallets derive it. */
    public static Ed25519Keys keys(List<String> words) {
        try {
            Pair pair = Mnemonic.toKeyPair(words);
            Ed25519Keys keys = Ed25519Keys.fromSeed(Arrays.copyOf(pair.getSecretKey(), 32));
            if (!Arrays.equals(keys.publicKey().bytes(), pair.getPublicKey())) {
                throw new IllegalStateException("the mnemonic's key pair is inconsistent; refusing to use it");
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the key: " + e.getMessage(), e);
        }
    }
}

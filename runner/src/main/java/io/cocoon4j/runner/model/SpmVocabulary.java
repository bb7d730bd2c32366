package io.cocoon4j.runner.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A SentencePiece-style (llama.cpp "llama" tokenizer) vocabulary built from rules, not data:
 * {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte-fallback tokens {@code <0x00>..<0xFF>},
 * printable ASCII, then word pieces ({@code ▁} marks a preceding space) until the requested size.
 * Any UTF-8 text tokenizes (unknown characters fall back to bytes) and detokenizes back.
 *
 * @param tokens token texts, index = token id
 * @param scores merge scores (higher merges first)
 * @param types  llama.cpp token types: 1 normal, 2 unknown, 3 control, 6 byte
 */
public record SpmVocabulary(List<String> tokens, float[] scores, int[] types) {
    public static final int UNK = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    /** Id of the first byte token {@code <0x00>}. */
    public static final int FIRST_BYTE = 3;

    static final String SPACE = "\u2581";
    private static final int NORMAL = 1;
    private static final int UNKNOWN = 2;
    private static final int CONTROL = 3;
    private static final int BYTE = 6;

    private static final String[] WORDS = (
        "the of and to in is it that for on was with as at by be this are from or have an not which but "
        + "you all they were one can had their has more will there been if what so when who would about "
        + "out up into some than them then its only time other new could after also over two like first "
        + "these may such people year any most made well way where very through world good much back "
        + "model token proof stake chain verify runner result hello cocoon ton")
        .split(" ");

    public SpmVocabulary {
        tokens = List.copyOf(tokens);
        scores = scores.clone();
        types = types.clone();
    }

    /** Builds a vocabulary of exactly {@code size} tokens (at least 259 + 95). */
    public static SpmVocabulary build(int size) {
        if (size < 3 + 256 + 95) {
            throw new IllegalArgumentException("vocabulary too small: " + size);
        }
        List<String> fixed = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            fixed.add(String.format("<0x%02X>", b));
        }
        Set<String> pieces = new LinkedHashSet<>();
        for (char c = 0x20; c < 0x7f; c++) {
            pieces.add(c == ' ' ? SPACE : String.valueOf(c));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            pieces.add(SPACE + c);
            pieces.add(SPACE + Character.toUpperCase(c));
        }
        for (String w : WORDS) {
            pieces.add(SPACE + w);
        }
        outer:
        for (int len = 2; len <= 4; len++) {
            int combos = (int) Math.pow(26, len);
            for (int i = 0; i < combos; i++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0, v = i; k < len; k++, v /= 26) {
                    sb.insert(0, (char) ('a' + v % 26));
                }
                pieces.add(SPACE + sb);
                pieces.add(sb.toString());
                if (fixed.size() + pieces.size() >= size) {
                    break outer;
                }
            }
        }
        List<String> all = new ArrayList<>(fixed);
        all.addAll(pieces);
        List<String> tokens = all.subList(0, size);
        float[] scores = new float[size];
        int[] types = new int[size];
        for (int i = 0; i < size; i++) {
            if (i < FIRST_BYTE) {
                types[i] = i == UNK ? UNKNOWN : CONTROL;
            } else if (i < FIRST_BYTE + 256) {
                types[i] = BYTE;
            } else {
                types[i] = NORMAL;
                // Earlier (shorter, more common) pieces merge first.
                scores[i] = -(i - FIRST_BYTE - 256);
            }
        }
        return new SpmVocabulary(tokens, scores, types);
    }

    public int size() {
        return tokens.size();
    }
}

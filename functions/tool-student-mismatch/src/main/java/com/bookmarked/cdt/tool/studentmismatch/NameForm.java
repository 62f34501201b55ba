package com.bookmarked.cdt.tool.studentmismatch;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A name as the matcher compares it: folded to lower-case ASCII words ("Nguyễn" is "nguyen",
 * "O'Brien" is "obrien", "García-López" is "garcia lopez"), the words run together
 * ("garcialopez", so that hyphens and spaces do not matter), each word's nickname groups and
 * sound-alike code, and an order-free hash of the words for duplicate keys. Made once per distinct
 * spelling in a run (see {@link NameForms}).
 */
final class NameForm {

    static final NameForm EMPTY = new NameForm(new String[0]);

    /** Surname particles that a clerk may drop or glue on ("de la Cruz", "Van der Berg", "St. Pierre"). */
    private static final List<String> PARTICLES = List.of("de", "del", "della", "la", "las", "los", "le", "da", "das", "do",
            "dos", "di", "du", "van", "von", "der", "den", "ter", "st", "saint", "al", "el", "bin", "ibn", "mac");

    final String[] words;
    final String squashed;
    /** Nickname groups of the first word, or of the whole name run together ("Mary-Kate" has both). */
    final int[] groups;
    final String[] sounds;
    /** The sound-alike code of the words run together. */
    final String squashedSound;
    /** Sum of the mixed hashes of the words, nickname groups standing in for the words they cover. */
    final long wordsHash;

    private NameForm(String[] words) {
        this.words = words;
        StringBuilder all = new StringBuilder();
        for (String w : words) {
            all.append(w);
        }
        this.squashed = all.toString();
        int[] first = words.length == 0 ? new int[0] : Nicknames.groupsOf(words[0]);
        int[] whole = words.length > 1 ? Nicknames.groupsOf(squashed) : new int[0];
        this.groups = whole.length == 0 ? first : union(first, whole);
        this.sounds = new String[words.length];
        long sum = 0;
        for (int i = 0; i < words.length; i++) {
            sounds[i] = Phonetic.code(words[i]);
            int[] g = Nicknames.groupsOf(words[i]);
            sum += Hashing.mix(g.length == 0 ? Hashing.of(words[i]) : 0x9E3779B97F4A7C15L * (g[0] + 1));
        }
        this.wordsHash = sum;
        this.squashedSound = words.length > 1 ? Phonetic.code(squashed) : sounds.length == 1 ? sounds[0] : "";
    }

    static NameForm of(String raw) {
        if (raw == null) {
            return EMPTY;
        }
        String[] words = fold(raw);
        return words.length == 0 ? EMPTY : new NameForm(words);
    }

    boolean isEmpty() {
        return words.length == 0;
    }

    /** Whether every meaningful word of this name is a word of the other ("Garcia" in "Garcia-Lopez"). */
    boolean wordsWithin(NameForm other) {
        int meaningful = 0;
        for (String w : words) {
            if (PARTICLES.contains(w)) {
                continue;
            }
            meaningful++;
            boolean found = false;
            for (String o : other.words) {
                if (o.equals(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return meaningful > 0;
    }

    /** Words that sort a name's words for a duplicate key, nickname groups standing in for words. */
    List<String> canonicalWords() {
        List<String> out = new ArrayList<>(words.length);
        for (String w : words) {
            int[] g = Nicknames.groupsOf(w);
            out.add(g.length == 0 ? w : "#" + g[0]);
        }
        return out;
    }

    /** Lower-case ASCII words: accents dropped, apostrophes removed, split at spaces, hyphens and dots. */
    static String[] fold(String raw) {
        boolean ascii = true;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 128) {
                ascii = false;
                break;
            }
        }
        String text = ascii ? raw : Normalizer.normalize(raw, Normalizer.Form.NFD);
        List<String> words = new ArrayList<>(3);
        StringBuilder word = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                word.append((char) (c + 32));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (c == '\'' || c == '\u2019' || c == '`' || c == '\u00B4') {
                // O'Brien, D’Angelo: one word
            } else if (c < 128 || Character.isWhitespace(c) || c == '\u2010' || c == '\u2013' || c == '\u2014') {
                end(word, words);
            } else {
                String folded = foldLetter(c);
                if (folded != null) {
                    word.append(folded);
                }
                // anything else (combining accents left by NFD) is dropped
            }
        }
        end(word, words);
        return words.toArray(new String[0]);
    }

    private static void end(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** Letters NFD does not split into a base letter and an accent; letters of other scripts stay. */
    private static String foldLetter(char c) {
        char lower = Character.toLowerCase(c);
        return switch (lower) {
            case 'đ', 'ð' -> "d";
            case 'ł' -> "l";
            case 'ø' -> "o";
            case 'ß' -> "ss";
            case 'ı' -> "i";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'þ' -> "th";
            default -> Character.isLetterOrDigit(lower) ? String.valueOf(lower) : null; // Cyrillic, CJK...: kept as written
        };
    }

    private static int[] union(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).distinct().sorted().toArray();
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}

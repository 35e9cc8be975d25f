package org.mtcgate.core.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Which command words a mistyped word probably meant, for "did you mean" hints. */
final class Suggestions {
    /** Edits beyond which a word is not suggested. */
    static final int MAX_DISTANCE = 2;
    /** More equally near words than this are no hint. */
    static final int MAX_SUGGESTIONS = 3;
    /** Untrusted input: no quadratic work on long words. */
    private static final int MAX_WORD = 64;

    private Suggestions() {
    }

    /** The candidates nearest to the typed word, sorted, if any is within {@link #MAX_DISTANCE}. */
    static List<String> nearest(Collection<String> candidates, String typedWord) {
        String typed = typedWord.toLowerCase(Locale.ROOT);
        int best = MAX_DISTANCE + 1;
        List<String> nearest = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(c, typed);
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) {
                nearest.add(c);
            }
        }
        nearest.sort(null);
        return nearest.size() > MAX_SUGGESTIONS ? List.of() : nearest;
    }

    /** Edits from the typed word to the word, or to the word's prefix of the same length (a mistyped abbreviation). */
    static int distance(String word, String typed) {
        if (typed.isEmpty() || typed.length() > MAX_WORD) {
            return Integer.MAX_VALUE;
        }
        int d = editDistance(word, typed);
        if (typed.length() >= 2 && typed.length() < word.length()) {
            d = Math.min(d, editDistance(word.substring(0, typed.length()), typed));
        }
        return d;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

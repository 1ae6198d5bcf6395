package org.w3id.pakmig.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When two labels, each taken as the set of its words, are near-same, and which of many
 * things can have near-same labels, found without comparing every pair of things: a
 * set-similarity join by prefix filtering (Chaudhuri, Ganti and Kaushik, ICDE 2006, with the
 * size and position filters of PPJoin, Xiao et al., WWW 2008).
 *
 * <p>The words of every set are put in one order, rarest first. Where two near-same sets share
 * {@code s} words, the first shared word stands among the first {@code n - s + 1} words of a
 * set of {@code n}, since the words before it are not shared. Near-same sets share many of
 * their words, so each set need only be looked up under its first word or two, among the
 * sets of the sizes it can be near-same to, at the positions the shared word can have there.
 * A rare word finds few others, so the work grows with the things, not with their pairs.
 */
final class LookAlikeLabels {
    private LookAlikeLabels() {}

    /**
     * Whether some label of one is near-same to some label of the other: the same words; or
     * all the words of the shorter, two or more, in the longer; or three quarters of all their
     * words shared. {@link #candidates} relies on exactly these three conditions.
     */
    static boolean nearSame(Set<Set<String>> as, Set<Set<String>> bs) {
        if (as == null || bs == null) {
            return false;
        }
        for (Set<String> a : as) {
            for (Set<String> b : bs) {
                Set<String> shared = new HashSet<>(a);
                shared.retainAll(b);
                int smaller = Math.min(a.size(), b.size());
                int union = a.size() + b.size() - shared.size();
                if (a.equals(b) || (smaller >= 2 && shared.size() == smaller) || shared.size() * 4 >= union * 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every pair {@code i < j} of things (given by their labels' word sets, null for none) that
     * may be {@link #nearSame}, in order; a superset of the near-same pairs, each pair once.
     */
    static List<int[]> candidates(List<Set<Set<String>>> things) {
        Map<String, Integer> frequency = new HashMap<>();
        List<Integer> owners = new ArrayList<>();
        List<String[]> sets = new ArrayList<>();
        for (int t = 0; t < things.size(); t++) {
            for (Set<String> words : things.get(t) == null ? Set.<Set<String>>of() : things.get(t)) {
                owners.add(t);
                sets.add(words.toArray(String[]::new));
                words.forEach(w -> frequency.merge(w, 1, Integer::sum));
            }
        }
        Comparator<String> rarestFirst = Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder());
        Map<Posting, List<Integer>> postings = new HashMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        Map<Set<String>, List<Integer>> sameWords = new HashMap<>();
        for (int e = 0; e < sets.size(); e++) {
            String[] words = sets.get(e);
            Arrays.sort(words, rarestFirst);
            sizes.add(words.length);
            sameWords.computeIfAbsent(Set.of(words), k -> new ArrayList<>()).add(owners.get(e));
            for (int position = 0; position < words.length; position++) {
                postings.computeIfAbsent(new Posting(words[position], words.length, position), k -> new ArrayList<>()).add(owners.get(e));
            }
        }
        Set<Long> pairs = new HashSet<>();
        for (int e = 0; e < sets.size(); e++) {
            String[] words = sets.get(e);
            int n = words.length;
            int owner = owners.get(e);
            // The shorter in a longer one: every word of this set is in the other, so is its first.
            // (In one as long, the same words: found below.)
            if (n >= 2) {
                for (int m : sizes.tailSet(n, false)) {
                    for (int j = 0; j <= m - n; j++) {
                        addPairs(pairs, owner, postings.get(new Posting(words[0], m, j)));
                    }
                }
            }
            // Three quarters of all words shared (the same words being one case): from
            // 4s >= 3(n + m - s), s >= 3(n + m) / 7, and the sizes differ by a third at most.
            // Where that means all words of both, only the same set is looked up, not every set
            // sharing its first word ("Flow doc-003-57" and "Flow doc-003-12" are not compared).
            for (int m : sizes.subSet((3 * n + 3) / 4, true, 4 * n / 3, true)) {
                int shared = (3 * (n + m) + 6) / 7;
                if (shared == n && m == n) {
                    addPairs(pairs, owner, sameWords.get(Set.of(words)));
                    continue;
                }
                for (int i = 0; i <= n - shared; i++) {
                    for (int j = 0; j <= m - shared; j++) {
                        addPairs(pairs, owner, postings.get(new Posting(words[i], m, j)));
                    }
                }
            }
        }
        return pairs.stream().sorted().map(p -> new int[] {(int) (p >>> 32), (int) (long) p}).toList();
    }

    private static void addPairs(Set<Long> pairs, int owner, List<Integer> others) {
        if (others == null) {
            return;
        }
        for (int other : others) {
            if (other != owner) {
                pairs.add((long) Math.min(owner, other) << 32 | Math.max(owner, other));
            }
        }
    }

    /** A word at a position (rarest first, from 0) in a set of a size. */
    private record Posting(String word, int size, int position) {}
}

package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.demo.HardVariantSet;
import com.bookmarked.cdt.core.tool.Progress;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The matcher's precision, recall and F1 on a hard-variant set at given thresholds: every pair
 * the matcher makes (any stage) against the set's true pairs; grey-zone pairs are not pairs.
 * Also recall per variant and how many look-alikes (twins, siblings, namesakes) were wrongly paired.
 */
record MatchQuality(int truePairs, int predicted, int correct, int reviews, Map<String, int[]> recallByVariant,
                    Map<String, int[]> wrongByLookAlike) {

    static MatchQuality measure(HardVariantSet set, double matchThreshold, double reviewThreshold) {
        NameForms names = new NameForms();
        Students sis = Students.of(set.sisSnapshot(), names);
        Students ours = Students.of(set.oursSnapshot(), names);
        Matching m = new Matching(sis, ours, matchThreshold, reviewThreshold, Progress.NONE);
        m.run(new ClassCounts(List.of(), LocalDate.of(2026, 11, 16)));
        Set<String> predicted = new HashSet<>();
        for (int i = 0; i < sis.size(); i++) {
            if (m.sisPartner[i] >= 0) {
                predicted.add(sis.key(i) + " " + ours.key(m.sisPartner[i]));
            }
        }
        int correct = 0;
        Map<String, int[]> byVariant = new TreeMap<>();
        for (HardVariantSet.TruePair p : set.pairs()) {
            boolean found = predicted.contains(p.sisKey() + " " + p.oursKey());
            if (found) {
                correct++;
            }
            List<String> variants = p.variants().isEmpty() ? List.of("none") : p.variants();
            for (String v : variants) {
                int[] c = byVariant.computeIfAbsent(v, k -> new int[2]);
                c[0]++;
                c[1] += found ? 1 : 0;
            }
        }
        Map<String, int[]> byLookAlike = new TreeMap<>();
        for (HardVariantSet.LookAlike a : set.lookAlikes()) {
            int[] c = byLookAlike.computeIfAbsent(a.kind(), k -> new int[2]);
            c[0]++;
            c[1] += predicted.contains(a.sisKey() + " " + a.oursKey()) ? 1 : 0;
        }
        return new MatchQuality(set.pairs().size(), predicted.size(), correct, m.reviews.size(), byVariant, byLookAlike);
    }

    double precision() {
        return predicted == 0 ? 0 : correct / (double) predicted;
    }

    double recall() {
        return correct / (double) truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String summary() {
        StringBuilder out = new StringBuilder(String.format("%,d true pairs, %,d paired, %,d right, %,d in review: "
                + "precision %.4f recall %.4f F1 %.4f%n", truePairs, predicted, correct, reviews, precision(), recall(), f1()));
        out.append("  recall by variant:");
        recallByVariant.forEach((v, c) -> out.append(String.format(" %s %d/%d", v, c[1], c[0])));
        out.append(String.format("%n  look-alikes wrongly paired:"));
        wrongByLookAlike.forEach((k, c) -> out.append(String.format(" %s %d/%d", k, c[1], c[0])));
        return out.toString();
    }
}

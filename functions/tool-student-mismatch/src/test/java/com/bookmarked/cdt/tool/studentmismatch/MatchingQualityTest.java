package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.demo.HardVariantSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher at its default thresholds on labelled hard variants (typos, nicknames, dropped
 * accents and hyphens, swapped names, swapped day and month, twins, siblings, namesakes):
 * F1 at least 0.995 and precision at least 0.999.
 */
class MatchingQualityTest {

    @ParameterizedTest(name = "{0} persons, seed {1}")
    @CsvSource({"20000, 1", "20000, 2"})
    void pairsHardVariantsAndLeavesLookAlikesApart(int size, long seed) {
        HardVariantSet set = HardVariantSet.generate(size, seed);
        MatchQuality q = MatchQuality.measure(set, Settings.DEFAULT_MATCH, Settings.DEFAULT_REVIEW);
        System.out.printf("hard variants, %d persons, seed %d: %s%n", size, seed, q.summary());

        assertThat(q.precision()).as("precision").isGreaterThanOrEqualTo(0.999);
        assertThat(q.f1()).as("F1").isGreaterThanOrEqualTo(0.995);
    }
}

package com.bookmarked.cdt.tool.studentmismatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static NameForm name(String raw) {
        return NameForm.of(raw);
    }

    private static Person person(String given, String family, String birth) {
        return new Person(name(given), name(family), birth == null ? null : LocalDate.parse(birth), "04", "sch-1", null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nguyễn|nguyen",
            "O'Brien|obrien",
            "García-López|garcia lopez",
            "  de la Cruz |de la cruz",
            "St. Pierre|st pierre",
            "Łukasiewicz|lukasiewicz",
            "Weiß|weiss",
            "Søndergaard|sondergaard",
            "Yılmaz|yilmaz",
            "ĐẶNG|dang",
            "D’Angelo|dangelo",
            "Анна|анна"})
    void namesFoldToLowerCaseAsciiWords(String raw, String folded) {
        assertThat(name(raw).toString()).isEqualTo(folded);
    }

    @Test
    void hyphensAndSpacesDoNotMatterWhenWordsAreRunTogether() {
        assertThat(name("García-López").squashed).isEqualTo(name("Garcia Lopez").squashed).isEqualTo("garcialopez");
        assertThat(name("Mary-Kate").groups).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "William, william, EXACT",
            "William, Bill, NICKNAME",
            "Liam, Bill, NICKNAME",
            "Sofía, Sophia, NICKNAME",
            "Anne-Marie, Anne, PART",
            "Christopher, Christpher, TYPO",
            "Nora, Noa, TYPO",
            "Bob, Bobb, TYPO",
            "J, José, INITIAL",
            "Amara, Chidi, DIFFERENT",
            "Ana, Eva, DIFFERENT",
            "Diego, James, DIFFERENT",
            "Juan, John, DIFFERENT",
            "Mia, Amelia, DIFFERENT"})
    void givenNames(String a, String b, Level expected) {
        assertThat(Comparison.givenNames(name(a), name(b))).isEqualTo(expected);
        assertThat(Comparison.givenNames(name(b), name(a))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "García-López, Garcia Lopez, EXACT",
            "García-López, GarciaLopez, EXACT",
            "García-López, García, PART",
            "García-López, López, PART",
            "GarciaLopez, Garcia, PART",
            "de la Cruz, Cruz, PART",
            "Schröder Jackson, Jacvkson, TYPO",
            "Tremblay, Trembley, TYPO",
            "Hill, Hillman, DIFFERENT",
            "Smith, Johnson, DIFFERENT"})
    void familyNames(String a, String b, Level expected) {
        assertThat(Comparison.familyNames(name(a), name(b))).isEqualTo(expected);
        assertThat(Comparison.familyNames(name(b), name(a))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "2015-03-04, 2015-03-04, EXACT",
            "2015-03-04, 2015-04-03, SWAPPED",
            "2015-03-04, 2015-03-05, NEAR",
            "2015-03-04, 2016-03-04, NEAR",
            "2015-03-04, 2015-02-04, NEAR",
            "2015-03-12, 2015-03-21, NEAR",
            "2015-03-04, 2016-04-03, DIFFERENT",
            "2015-03-04, 2015-08-19, DIFFERENT"})
    void birthDates(String a, String b, Level expected) {
        assertThat(Comparison.birthDates(person("A", "B", a), person("A", "B", b))).isEqualTo(expected);
    }

    @Test
    void aMissingValueIsNeitherForNorAgainst() {
        Comparison c = Comparison.of(person("Ava", "Reyes", null), person("Ava", "Reyes", "2015-03-04"));
        assertThat(c.level(Field.BIRTH_DATE)).isEqualTo(Level.MISSING);
        assertThat(c.agreed()).doesNotContain("birthDate");
        assertThat(c.disagreed()).doesNotContain("birthDate");
    }

    @Test
    void twinsScoreBelowTheMatchThresholdAndTheSameStudentFarAbove() {
        double twins = Comparison.of(person("Amara", "Okafor", "2016-02-11"), person("Chidi", "Okafor", "2016-02-11")).score;
        double same = Comparison.of(person("Amara", "Okafor", "2016-02-11"), person("Amara", "Okafor", "2016-02-11")).score;
        assertThat(twins).isLessThan(Settings.DEFAULT_MATCH);
        assertThat(same).isCloseTo(Weights.fullAgreement(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(same - twins).isGreaterThan(15);
    }

    @Test
    void editDistanceCountsASwapOfNeighboursAsOneAndGivesUpPastTheLimit() {
        assertThat(Comparison.editDistance("layla", "layal", 2)).isEqualTo(1);
        assertThat(Comparison.editDistance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(Comparison.editDistance("abcdefgh", "zyxwvuts", 1)).isEqualTo(2);
    }

    @Test
    void studentNumbersGradesAndEmailsAreNormalised() {
        assertThat(Person.identifier(" 000123 ")).isEqualTo("123");
        assertThat(Person.identifier("s-0042")).isEqualTo("S0042");
        assertThat(Person.identifier("000")).isEqualTo("0");
        assertThat(Person.identifier(" - ")).isNull();
        assertThat(Duplicates.numberHash("00123")).isEqualTo(Duplicates.numberHash("12 3")).isNotZero();
        assertThat(Duplicates.numberHash("000")).isEqualTo(Duplicates.numberHash("0")).isNotZero();
        assertThat(Person.grade("K")).isEqualTo("KG");
        assertThat(Person.grade("1")).isEqualTo("01");
        assertThat(Person.email(" Ava@X.Example ")).isEqualTo("ava@x.example");
    }

    @Test
    void soundAlikeCodesForgiveVowelsAndDoubledLetters() {
        assertThat(Phonetic.code("sofia")).isEqualTo(Phonetic.code("sophia"));
        assertThat(Phonetic.code("reyes")).isEqualTo(Phonetic.code("reies"));
        assertThat(Phonetic.code("smith")).isNotEqualTo(Phonetic.code("jones"));
    }
}

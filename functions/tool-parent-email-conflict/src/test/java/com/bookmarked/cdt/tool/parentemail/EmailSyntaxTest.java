package com.bookmarked.cdt.tool.parentemail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"ana@mail.example", "ana.maria.o'brien@correo.example", "a+b@x.io", "x_y-z@sub.domain.example",
            "!#$%&'*+/=?^_`{|}~-@x.example", "ana@x-y.example", "1@2.example", "ana@xn--bcher-kva.example"})
    void acceptsThePracticalSubset(String address) {
        assertThat(EmailSyntax.check(address)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ana.diaz.mail.example | NO_AT",
            "ana@@mail.example | SEVERAL_AT",
            "ana@mail@example.com | SEVERAL_AT",
            "ana@mail,example | COMMA",
            "ana,maria@mail.example | COMMA",
            "ana diaz@mail.example | SPACE",
            "@mail.example | NOTHING_BEFORE_AT",
            "ana@ | NOTHING_AFTER_AT",
            "ana@mail..example | DOUBLE_DOT",
            "ana..maria@mail.example | DOUBLE_DOT",
            ".ana@mail.example | DOT_AT_EDGE",
            "ana.@mail.example | DOT_AT_EDGE",
            "ana@mail.example. | DOT_AT_EDGE",
            "ana@.mail.example | DOT_AT_EDGE",
            "\"ana maria\"@mail.example | SPACE",
            "\"ana\"@mail.example | BAD_CHARACTER",
            "ana@[192.168.0.1] | BAD_CHARACTER",
            "josé@mail.example | BAD_CHARACTER",
            "ana@mail_box.example | BAD_CHARACTER",
            "ana@-mail.example | HYPHEN_AT_EDGE",
            "ana@mail-.example | HYPHEN_AT_EDGE",
            "ana@localhost | NO_DOT_IN_DOMAIN",
            "ana@192.168.0.1 | NUMERIC_TOP_LEVEL"})
    void namesTheFirstProblem(String address, EmailSyntax.Kind kind) {
        EmailSyntax.Problem problem = EmailSyntax.check(address);
        assertThat(problem).isNotNull();
        assertThat(problem.kind()).isEqualTo(kind);
    }

    @Test
    void lengthsFollowRfc5321() {
        assertThat(EmailSyntax.check("a".repeat(64) + "@mail.example")).isNull();
        assertThat(EmailSyntax.check("a".repeat(65) + "@mail.example").kind()).isEqualTo(EmailSyntax.Kind.TOO_LONG);
        assertThat(EmailSyntax.check("ana@" + "b".repeat(63) + ".example")).isNull();
        assertThat(EmailSyntax.check("ana@" + "b".repeat(64) + ".example").kind()).isEqualTo(EmailSyntax.Kind.TOO_LONG);
    }

    @Test
    void problemsAreDescribedForAgents() {
        assertThat(EmailSyntax.check("ana.mail.example").describe()).isEqualTo("has no @");
        assertThat(EmailSyntax.check("josé@mail.example").describe())
                .isEqualTo("contains \"é\" (U+00E9), which an address cannot hold");
        assertThat(EmailSyntax.check("ana@mail\u0007.example").describe())
                .isEqualTo("contains the control character U+0007, which an address cannot hold");
    }

    @ParameterizedTest(name = "{0} was probably {1}")
    @CsvSource(delimiter = '|', value = {
            "ana@@mail.example | ana@mail.example",
            "ana@mail..example | ana@mail.example",
            "ana@mail,example | ana@mail.example",
            "ana @mail.example | ana@mail.example",
            "ana.@mail.example | ana@mail.example"})
    void oneTypingSlipIsGuessedBack(String address, String meant) {
        assertThat(EmailSyntax.likelyMeant(address, EmailSyntax.check(address))).isEqualTo(meant);
    }

    @Test
    void noGuessWhenTheSlipCannotBeUndone() {
        assertThat(EmailSyntax.likelyMeant("ana.mail.example", EmailSyntax.check("ana.mail.example"))).isNull();
        assertThat(EmailSyntax.likelyMeant("ana,maria@mail,example", EmailSyntax.check("ana,maria@mail,example"))).isNull();
    }
}

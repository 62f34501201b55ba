package com.bookmarked.cdt.tool.parentemail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @Test
    void plainFormIsTrimmedOfAnySpaceAndLowerCased() {
        assertThat(EmailAddress.plain("  Ana.Diaz@Mail.Example ")).isEqualTo("ana.diaz@mail.example");
        assertThat(EmailAddress.plain("\u00A0ana@mail.example\t\u200B")).isEqualTo("ana@mail.example");
        assertThat(EmailAddress.plain("   ")).isNull();
        assertThat(EmailAddress.plain(null)).isNull();
    }

    @Test
    void anAddressAlreadyPlainIsNotCopied() {
        String stored = "ana@mail.example";
        assertThat(EmailAddress.plain(stored)).isSameAs(stored);
        assertThat(EmailAddress.mailbox(stored)).isSameAs(stored);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Gmail ignores dots and +tags; googlemail.com is the same mailboxes
            "ana.maria.diaz@gmail.com, anamariadiaz@gmail.com",
            "a.n.a+school@gmail.com, ana@gmail.com",
            "ana+x.y@googlemail.com, ana@gmail.com",
            // Outlook.com ignores +tags, not dots
            "ana.diaz+pta@outlook.com, ana.diaz@outlook.com",
            "ana.diaz@hotmail.com, ana.diaz@hotmail.com",
            "ana+1@live.com, ana@live.com",
            // anywhere else a dot or a +tag may be another mailbox: left alone
            "ana.diaz+pta@mail.example, ana.diaz+pta@mail.example",
            "ana.diaz@gmail.com.example, ana.diaz@gmail.com.example",
            "ana.diaz@notgmail.com, ana.diaz@notgmail.com"})
    void providerRulesApplyOnlyToTheirDomains(String plain, String mailbox) {
        assertThat(EmailAddress.mailbox(plain)).isEqualTo(mailbox);
    }

    @Test
    void varianceNamesWhatDiffers() {
        assertThat(EmailAddress.variance("ana@mail.example", "ana@mail.example")).isNull();
        assertThat(EmailAddress.variance("Ana@Mail.Example", "ana@mail.example")).isEqualTo(EmailAddress.Variance.CASE);
        assertThat(EmailAddress.variance(" ana@mail.example", "ana@mail.example")).isEqualTo(EmailAddress.Variance.WHITESPACE);
        assertThat(EmailAddress.variance("ana@mail.example\u00A0", "ana@mail.example")).isEqualTo(EmailAddress.Variance.WHITESPACE);
        assertThat(EmailAddress.variance("Ana@mail.example ", "ana@mail.example"))
                .isEqualTo(EmailAddress.Variance.CASE_AND_WHITESPACE);
    }
}

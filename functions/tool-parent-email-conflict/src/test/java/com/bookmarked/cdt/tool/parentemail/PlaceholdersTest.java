package com.bookmarked.cdt.tool.parentemail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholdersTest {

    private final Placeholders defaults = Placeholders.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"noemail@demo-usd.example", "none@gmail.com", "unknown@x.example", "na@x.example", "n/a@x.example",
            "noreply@x.example", "no-reply@x.example", "do_not_reply@x.example", "no.email@x.example", "nomail+7@x.example",
            "declined@x.example"})
    void listedLocalPartsOnAnyDomain(String plain) {
        assertThat(defaults.listed(plain)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonelson@x.example", "anna@x.example", "na.kim@x.example", "noemi@x.example",
            "unknown.soldier.fan@x.example", "ana@none.example"})
    void realLookingLocalPartsAreNot(String plain) {
        assertThat(defaults.listed(plain)).isFalse();
    }

    @Test
    void aDistrictCanAddItsOwnWords() {
        Placeholders extra = Placeholders.withExtra(" No-Parent , nothing,, ");
        assertThat(extra.listed("noparent@x.example")).isTrue();
        assertThat(extra.listed("no.parent@x.example")).isTrue();
        assertThat(extra.listed("nothing@x.example")).isTrue();
        assertThat(extra.listed("noemail@x.example")).isTrue();
        assertThat(extra.localParts()).contains("noparent", "nothing", "noemail");
        assertThatThrownBy(() -> Placeholders.withExtra("noparent@district.example"))
                .hasMessage("Extra placeholders are the part before the @ only (e.g. \"noparent\"); "
                        + "\"noparent@district.example\" has an @.");
    }
}

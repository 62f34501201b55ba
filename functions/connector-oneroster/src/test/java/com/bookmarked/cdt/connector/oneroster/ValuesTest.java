package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.roster.RecordStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @Test
    void datesAreYearMonthDayAndReal() throws Exception {
        assertThat(Values.date("d", "2026-08-17")).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(Values.date("d", null)).isNull();
        assertThatThrownBy(() -> Values.date("d", "2026-02-30")).hasMessage("not a real date (expected YYYY-MM-DD)");
        for (String bad : new String[] {"08/17/2026", "2026-8-17", "2026-08-17T00:00:00Z", "２０２６-08-17", "20260817"}) {
            assertThatThrownBy(() -> Values.date("d", bad)).as(bad).hasMessage("not a date (expected YYYY-MM-DD)");
        }
    }

    @Test
    void dateTimesInTheShapesExportsUse() throws Exception {
        Instant six = Instant.parse("2026-11-15T06:00:00Z");
        assertThat(Values.dateTime("m", "2026-11-15T06:00:00Z")).isEqualTo(six);
        assertThat(Values.dateTime("m", "2026-11-15T06:00:00.000Z")).isEqualTo(six);
        assertThat(Values.dateTime("m", "2026-11-15T06:00:00.5Z")).isEqualTo(six.plusMillis(500));
        assertThat(Values.dateTime("m", "2026-11-15T06:00:00.123456789Z")).isEqualTo(six.plusNanos(123_456_789));
        assertThat(Values.dateTime("m", "2026-11-15T01:00:00-05:00")).isEqualTo(six);
        assertThat(Values.dateTime("m", "2026-11-15T07:00:00+01:00")).isEqualTo(six);
        assertThat(Values.dateTime("m", "2026-11-15T06:00:00")).as("no zone: UTC").isEqualTo(six);
        assertThat(Values.dateTime("m", "2026-11-15")).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        for (String bad : new String[] {"2026-13-15T06:00:00Z", "yesterday", "2026-11-15 06:00", "2026-11-15T25:00:00Z"}) {
            assertThatThrownBy(() -> Values.dateTime("dateLastModified", bad)).as(bad)
                    .hasMessage("not a date-time (expected e.g. 2026-11-15T06:00:00Z)");
        }
    }

    @Test
    void listsDropBlanksAndSpaces() {
        assertThat(Values.list(null)).isEmpty();
        assertThat(Values.list("s1")).containsExactly("s1");
        assertThat(Values.list(" s1 , s2,,s3 ,")).containsExactly("s1", "s2", "s3");
        assertThat(Values.list(",")).isEmpty();
    }

    @Test
    void vocabulariesIgnoreCaseAndAcceptExtensions() throws Exception {
        List<String> roles = List.of("student", "teacher");
        assertThat(Values.vocabulary("role", "Student", roles, "1.1")).isEqualTo("student");
        assertThat(Values.vocabulary("role", "ext:librarian", roles, "1.1")).isEqualTo("ext:librarian");
        assertThatThrownBy(() -> Values.vocabulary("role", "ext:", roles, "1.1"))
                .hasMessage("not a OneRoster 1.1 role (expected one of student, teacher)");
    }

    @Test
    void statusesAndBooleans() throws Exception {
        assertThat(Values.status(null)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(Values.status("ToBeDeleted")).isEqualTo(RecordStatus.TOBEDELETED);
        assertThatThrownBy(() -> Values.status("deleted")).hasMessageContaining("expected active or tobedeleted");
        assertThat(Values.bool("b", "TRUE", true)).isTrue();
        assertThat(Values.bool("b", null, false)).isFalse();
        assertThatThrownBy(() -> Values.bool("enabledUser", null, true)).hasMessage("enabledUser is empty; it must be true or false");
        assertThatThrownBy(() -> Values.bool("b", "1", true)).hasMessage("must be true or false");
    }
}

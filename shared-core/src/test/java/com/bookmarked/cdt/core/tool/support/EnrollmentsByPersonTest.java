package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentsByPersonTest {

    private static Enrollment e(String id, String person, RoleType role) {
        return new Enrollment(id, "c-" + id, person, null, role, false, null, null, RecordStatus.ACTIVE);
    }

    @Test
    void groupsByPersonInSnapshotOrderAndSkipsWhatTheFilterDrops() {
        List<Enrollment> all = List.of(e("1", "ana", RoleType.STUDENT), e("2", "ben", RoleType.STUDENT),
                e("3", "tia", RoleType.TEACHER), e("4", "ana", RoleType.STUDENT), e("5", "ben", RoleType.STUDENT),
                e("6", "ana", RoleType.STUDENT));
        EnrollmentsByPerson index = new EnrollmentsByPerson(all, x -> x.role() == RoleType.STUDENT);

        assertThat(index.of("ana")).extracting(Enrollment::sourcedId).containsExactly("1", "4", "6");
        assertThat(index.of("ben")).extracting(Enrollment::sourcedId).containsExactly("2", "5");
        assertThat(index.of("tia")).isEmpty();
        assertThat(index.of("nobody")).isEmpty();
        assertThat(index.persons()).isEqualTo(2);
        assertThatThrownBy(() -> index.of("ben").get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void manyPeopleBeyondTheFirstGuessOfTheirNumberAllKeepTheirOwnEnrollments() {
        List<Enrollment> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            all.add(e("a" + i, "p" + i, RoleType.STUDENT));
        }
        for (int i = 0; i < 5_000; i++) {
            all.add(e("b" + i, "p" + i, RoleType.STUDENT));
        }
        EnrollmentsByPerson index = new EnrollmentsByPerson(all, null);
        assertThat(index.persons()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i += 499) {
            assertThat(index.of("p" + i)).extracting(Enrollment::sourcedId).containsExactly("a" + i, "b" + i);
        }
    }
}

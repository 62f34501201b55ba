package com.bookmarked.cdt.connector.bookmarked;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingTest {

    private static final String REQUIRED_REST = """
              staff: select staff_key, campus_key, sis_id, given_name, family_name, email, active from staff where customer_key = :customer
              guardians: select guardian_key, sis_id, email, given_name, family_name from guardians where customer_key = :customer
              guardian_links: select student_key, guardian_key from guardian_links where x = :customer
              classes: select class_key, campus_key, sis_id, title from classes where customer_key = :customer
              class_members: select class_key, person_key, role, ended_on from class_members where y = :customer
              students: select * from students where customer_key = :customer or other_key = :customer
            """;

    @Test
    void bindsEveryCustomerPlaceholderAndLeavesCastsAlone() {
        Mapping m = Mapping.parse("test", "queries:\n  campuses: select campus_key, name, sis_org_id::text "
                + "from campuses where customer_key = :customer\n" + REQUIRED_REST);
        assertThat(m.query(Mapping.Query.CAMPUSES).sql()).contains("sis_org_id::text").endsWith("customer_key = ?");
        assertThat(m.query(Mapping.Query.STUDENTS).customerBindings()).isEqualTo(2);
        assertThat(m.query(Mapping.Query.CUSTOMER)).isNull();
    }

    @Test
    void refusesAnythingButASingleSelect() {
        assertThatThrownBy(() -> Mapping.parse("bad.yaml", "queries:\n  campuses: delete from campuses where k = :customer\n"
                + REQUIRED_REST)).hasMessageContaining("bad.yaml").hasMessageContaining("'campuses' must be a single SELECT");
        assertThatThrownBy(() -> Mapping.parse("bad.yaml", "queries:\n  campuses: select 1 where :customer = 'a'; drop table x\n"
                + REQUIRED_REST)).hasMessageContaining("single SELECT");
    }

    @Test
    void namesTheMissingOrUnknownQuery() {
        assertThatThrownBy(() -> Mapping.parse("m.yaml", "queries:\n" + REQUIRED_REST))
                .hasMessageContaining("'campuses' is missing");
        assertThatThrownBy(() -> Mapping.parse("m.yaml", "queries:\n  campuses: select 1 from c where k = :customer\n"
                + "  teachers: select 1 from t where k = :customer\n" + REQUIRED_REST))
                .hasMessageContaining("unknown query 'teachers'");
        assertThatThrownBy(() -> Mapping.parse("m.yaml", "queries:\n  campuses: select 1 from c\n" + REQUIRED_REST))
                .hasMessageContaining("must filter by :customer");
    }

    @Test
    void theShippedDefaultMappingLoads() {
        assertThat(Mapping.defaultMapping().query(Mapping.Query.GUARDIAN_EMAILS_ELSEWHERE)).isNotNull();
    }
}

package com.bookmarked.cdt.connector.bookmarked;

import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookmarkedSnapshotReaderTest {

    private static OursDatabase ours;
    private static ReadOnlyDatabase database;

    @BeforeAll
    static void startDatabase() throws Exception {
        ours = OursDatabase.create("""
                insert into customers values ('demo', 'Demo USD', '2026-11-15T06:00:00Z'), ('other', 'Other', null);
                insert into campuses values ('c1', 'demo', 'North Elementary', 'org-1');
                insert into students values
                  ('s1', 'demo', 'c1', 'sis-1', '004512', 'Quinn', 'Adebayo', '04', '2016-03-02', null, true, now()),
                  ('s2', 'demo', 'c1', 'sis-2', '009870', 'Marisol', 'Dutta', '04', null, null, false, now()),
                  ('x1', 'other', null, 'sis-9', '1', 'Not', 'Ours', '01', null, null, true, now());
                insert into staff values ('t1', 'demo', 'c1', 'tch-1', 'Ana', 'Aldana', 'ana@district.example', true);
                insert into guardians values
                  ('g1', 'demo', 'par-1', 'Pat@Home.example ', 'Pat', 'Adebayo'),
                  ('g9', 'other', 'par-9', 'pat@home.example', 'Pat', 'Elsewhere');
                insert into guardian_links values ('s1', 'g1');
                insert into classes values ('k1', 'demo', 'c1', 'cls-1', 'Grade 4 Reading');
                insert into class_members values ('k1', 's1', 'student', '2026-08-20', null),
                  ('k1', 't1', 'teacher', '2026-08-20', null), ('gone', 's2', 'student', null, '2026-10-01');
                """);
        database = ReadOnlyDatabase.open("staging", ours.url, ours.reader, ours.readerPassword, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private RosterSnapshot readDemo() throws SQLException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-16T00:00:00Z"), ZoneOffset.UTC);
        return new BookmarkedSnapshotReader(database, Mapping.defaultMapping(), clock)
                .read("demo", "demo", Progress.NONE);
    }

    @Test
    void readsOneCustomersRowsIntoTheRosterModel() throws Exception {
        RosterSnapshot ours = readDemo();

        assertThat(ours.meta().side()).isEqualTo(SnapshotSide.OURS);
        assertThat(ours.meta().source()).isEqualTo("bookmarked:staging");
        assertThat(ours.meta().lastSyncAt()).isEqualTo(Instant.parse("2026-11-15T06:00:00Z"));
        assertThat(ours.orgs()).singleElement().satisfies(o -> assertThat(o.sisId()).isEqualTo("org-1"));
        RosterUser quinn = ours.users().stream().filter(u -> u.sourcedId().equals("s1")).findFirst().orElseThrow();
        assertThat(quinn.sisId()).isEqualTo("sis-1");
        assertThat(quinn.identifier()).isEqualTo("004512");
        assertThat(quinn.birthDate()).isEqualTo(LocalDate.of(2016, 3, 2));
        assertThat(quinn.agentSourcedIds()).containsExactly("g1");
        assertThat(ours.users().stream().filter(u -> u.sourcedId().equals("s2")).findFirst().orElseThrow().isActive())
                .isFalse();
        assertThat(ours.usersWithRole(RoleType.STUDENT)).extracting(RosterUser::sourcedId)
                .containsExactlyInAnyOrder("s1", "s2");
        assertThat(ours.usersWithRole(RoleType.TEACHER)).hasSize(1);
        // the member of a class that no longer exists is still read: that is what makes it findable
        assertThat(ours.enrollments()).extracting(e -> e.classSourcedId() + "/" + e.userSourcedId())
                .containsExactlyInAnyOrder("k1/s1", "k1/t1", "gone/s2");
        assertThat(ours.guardianEmailsElsewhere()).singleElement()
                .satisfies(g -> assertThat(g.customerKey()).isEqualTo("other"));
    }

    @Test
    void postgresRefusesWritesThroughTheConnectorsConnections() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into customers values ('evil', 'Evil', null)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> s.executeUpdate("delete from students"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
            c.rollback();
        }
        try (Connection c = ours.connectAsAdmin(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select count(*) from customers where customer_key = 'evil'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void anUnknownCustomerKeyIsNamedInTheError() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new BookmarkedSnapshotReader(database, Mapping.defaultMapping(), clock)
                .read("x", "no-such-district", Progress.NONE))
                .hasMessageContaining("no-such-district").hasMessageContaining("staging");
    }
}

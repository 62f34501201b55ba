package com.bookmarked.cdt.core.snapshot;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.roster.UserRole;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCodecTest {

    private static final DemoDistrict DISTRICT = new DemoDistrictGenerator().generate(new DemoSpec(300, 7));

    private static byte[] encode(RosterSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(snapshot, out);
        return out.toByteArray();
    }

    @Test
    void bothSidesOfADistrictSurviveTheRoundTripExactly() throws IOException {
        for (RosterSnapshot original : new RosterSnapshot[] {DISTRICT.sis(), DISTRICT.ours()}) {
            RosterSnapshot read = SnapshotCodec.read(new ByteArrayInputStream(encode(original)));
            assertThat(read).isEqualTo(original);
        }
    }

    @Test
    void theDateTheDataDescribesIsKept() throws IOException {
        RosterSnapshot sis = DISTRICT.sis();
        RosterSnapshot dated = new RosterSnapshot(sis.meta().withDataAsOf(java.time.LocalDate.of(2026, 11, 16)), sis.orgs(),
                sis.users(), sis.classes(), sis.courses(), sis.academicSessions(), sis.enrollments(),
                sis.guardianEmailsElsewhere());
        RosterSnapshot read = SnapshotCodec.read(new ByteArrayInputStream(encode(dated)));
        assertThat(read.meta().asOfDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 16));
    }

    @Test
    void readingBackSharesRepeatedIdsAsTheWrittenSnapshotDid() throws IOException {
        RosterSnapshot read = SnapshotCodec.read(new ByteArrayInputStream(encode(DISTRICT.sis())));
        var enrollments = read.enrollments();
        var first = enrollments.get(0);
        var sameClass = enrollments.stream().filter(e -> e != first && e.classSourcedId().equals(first.classSourcedId()))
                .findFirst().orElseThrow();
        assertThat(sameClass.classSourcedId()).isSameAs(first.classSourcedId());
        var user = read.users().stream().filter(u -> u.sourcedId().equals(first.userSourcedId())).findFirst().orElseThrow();
        assertThat(first.userSourcedId()).isSameAs(user.sourcedId());
    }

    @Test
    void theFileIsCompressed() throws IOException {
        byte[] bytes = encode(DISTRICT.sis());
        long payload;
        try (var body = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8))) {
            payload = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(bytes.length).isLessThan((int) (payload / 2));
    }

    @Test
    void somethingThatIsNotASnapshotIsRefusedInPlainWords() {
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream("sourcedId,status\n".getBytes())))
                .isInstanceOf(SnapshotCodec.SnapshotFormatException.class)
                .hasMessageContaining("not a CDT snapshot");
    }

    @Test
    void aTruncatedSnapshotIsRefusedNotHalfRead() throws IOException {
        byte[] bytes = encode(DISTRICT.ours());
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class);
    }

    /** Every field version 2 added, set to something, including extensions in a given order. */
    static RosterSnapshot withEveryNewField() {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("metadata.jp.homeClass", "3-B");
        ext.put("metadata.district.lunchCode", "");
        ext.put("ALPHA", "z");
        return RosterSnapshot.builder(new SnapshotMeta("springfield", SnapshotSide.SIS, "oneroster-csv",
                        Instant.parse("2026-11-16T14:00:00Z"), null))
                .org(new Org("d1", "d1", "Springfield", Org.OrgType.DISTRICT, null, null, RecordStatus.ACTIVE, ext))
                .academicSession(new AcademicSession("y27", "2026-2027", "schoolYear", LocalDate.of(2026, 8, 17), null, null,
                        RecordStatus.ACTIVE, Map.of("ext:x", "1")))
                .course(new Course("c1", "Math", "d1", RecordStatus.TOBEDELETED, Map.of("ext:y", "2")))
                .rosterClass(new RosterClass("k1", "k1", "Math", "d1", "c1", List.of("y27"), RecordStatus.ACTIVE, ext))
                .user(new RosterUser("u1", "u1", RoleType.TEACHER, "7", "Thảo", "Nguyễn", "t@x.example", "tn", List.of(),
                        List.of("s1", "s2"), List.of(), null, true, RecordStatus.ACTIVE, Instant.parse("2026-11-01T10:00:00Z"),
                        "Minh", "Tina", null, "Ng", "STATE-123",
                        List.of(new UserRole("s1", RoleType.TEACHER, "teacher", true, LocalDate.of(2026, 8, 1), null, RecordStatus.ACTIVE),
                                new UserRole("s2", RoleType.ADMINISTRATOR, "principal", false, null, LocalDate.of(2027, 6, 30),
                                        RecordStatus.TOBEDELETED)),
                        ext))
                .enrollment(new Enrollment("e1", "k1", "u1", "s1", RoleType.TEACHER, true, null, null, RecordStatus.ACTIVE, ext))
                .guardianEmailElsewhere(new GuardianEmailElsewhere("a@b.example", "other", "G1"))
                .build();
    }

    @Test
    void theCurrentVersionKeepsExtensionsInTheirOrderAndTheNewUserFields() throws IOException {
        RosterSnapshot original = withEveryNewField();
        byte[] bytes = encode(original);
        assertThat(new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("CDTSNAP3");
        RosterSnapshot read = SnapshotCodec.read(new ByteArrayInputStream(bytes));
        assertThat(read).isEqualTo(original);
        assertThat(read.users().get(0).extensions().keySet()).containsExactly("metadata.jp.homeClass", "metadata.district.lunchCode", "ALPHA");
        assertThat(read.orgs().get(0).extensions().keySet()).containsExactly("metadata.jp.homeClass", "metadata.district.lunchCode", "ALPHA");
    }

    /** snapshot/v1-sample.cdtsnap was written by the version 1 codec before version 2 existed. */
    @Test
    void aVersion1FileStillReadsWithTheNewFieldsEmpty() throws IOException {
        RosterSnapshot read;
        try (InputStream in = SnapshotCodecTest.class.getResourceAsStream("/snapshot/v1-sample.cdtsnap")) {
            assertThat(in).isNotNull();
            read = SnapshotCodec.read(in);
        }
        RosterSnapshot expected = RosterSnapshot.builder(new SnapshotMeta("springfield", SnapshotSide.SIS, "oneroster-csv",
                        Instant.parse("2026-11-16T14:00:00Z"), null))
                .org(new Org("d1", "d1", "Springfield Unified", Org.OrgType.DISTRICT, "D-9", null, RecordStatus.ACTIVE))
                .org(new Org("s1", "s1", "Evergreen Elementary", Org.OrgType.SCHOOL, "0101", "d1", RecordStatus.TOBEDELETED))
                .academicSession(new AcademicSession("y27", "2026-2027", "schoolYear", LocalDate.of(2026, 8, 17),
                        LocalDate.of(2027, 6, 4), null, RecordStatus.ACTIVE))
                .course(new Course("c1", "Math 4", "d1", RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("k1", "k1", "Math 4 - Room 12", "s1", "c1", List.of("y27"), RecordStatus.ACTIVE))
                .user(new RosterUser("u1", "u1", RoleType.STUDENT, "100001", "Zoë", "O'Brien", "zoe@students.example", "zoe1",
                        List.of("04"), List.of("s1"), List.of("g1"), LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE,
                        Instant.parse("2026-11-01T10:00:00Z")))
                .user(new RosterUser("g1", null, RoleType.GUARDIAN, null, null, null, null, null, List.of(), List.of("d1"),
                        List.of("u1"), null, false, RecordStatus.TOBEDELETED, null))
                .enrollment(new Enrollment("e1", "k1", "u1", "s1", RoleType.STUDENT, false, LocalDate.of(2026, 8, 17), null,
                        RecordStatus.ACTIVE))
                .guardianEmailElsewhere(new GuardianEmailElsewhere("ana@mail.example", "other", "G-7"))
                .build();
        assertThat(read).isEqualTo(expected);
        assertThat(read.users().get(0).roles()).isEmpty();
        assertThat(read.users().get(0).extensions()).isEmpty();
    }

    @Test
    void aFutureVersionIsRefusedNamingIt() {
        byte[] future = "CDTSNAP9xxxxxxxx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(future)))
                .isInstanceOf(SnapshotCodec.SnapshotFormatException.class)
                .hasMessageContaining("format version 9");
    }
}

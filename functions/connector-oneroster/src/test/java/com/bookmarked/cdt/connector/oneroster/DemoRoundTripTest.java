package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district's zip, read back with this reader, is exactly the generator's in-memory SIS snapshot. */
class DemoRoundTripTest {

    private final OneRosterCsvReader reader = new OneRosterCsvReader();

    @Test
    void zipReadsBackAsTheInMemorySnapshot(@TempDir Path folder) throws Exception {
        DemoSpec spec = new DemoSpec(3_000, 2026);
        DemoDistrictWriter.Written written = new DemoDistrictWriter().write(spec, folder);
        DemoDistrict district = new DemoDistrictGenerator().generate(spec);

        OneRosterImport result = reader.read(written.zip(), DemoDistrictGenerator.CUSTOMER_KEY, DemoDistrictGenerator.FETCHED_AT);

        // nothing skipped; the only problems are the references the demo plants on the SIS side
        assertThat(result.skippedRows()).isZero();
        assertThat(result.problems()).allMatch(p -> p.effect() == ImportProblem.Effect.ROW_KEPT);
        assertThat(countOf(result, "enrollments.csv", "classSourcedId")).isEqualTo(planted(district, "sis.enrollment.ref.class"));
        assertThat(countOf(result, "classes.csv", "courseSourcedId")).isEqualTo(planted(district, "sis.class.ref.course"));
        assertThat(result.problemCount()).isEqualTo(planted(district, "sis.enrollment.ref.class") + planted(district, "sis.class.ref.course"));
        assertThat(result.version()).isEqualTo("1.1");
        assertThat(result.modes()).containsEntry("users.csv", "bulk").doesNotContainValue("delta");
        assertThat(result.snapshot().meta()).isEqualTo(district.sis().meta());
        assertThat(result.snapshot().orgs()).isEqualTo(district.sis().orgs());
        assertThat(result.snapshot().academicSessions()).isEqualTo(district.sis().academicSessions());
        assertThat(result.snapshot().courses()).isEqualTo(district.sis().courses());
        assertThat(result.snapshot().classes()).isEqualTo(district.sis().classes());
        assertThat(result.snapshot().users()).isEqualTo(district.sis().users());
        assertThat(result.snapshot().enrollments()).isEqualTo(district.sis().enrollments());
        assertThat(result.snapshot()).isEqualTo(district.sis());
        assertThat(result.rowsRead()).containsEntry("users.csv", district.sis().users().size());
    }

    static long countOf(OneRosterImport result, String file, String column) {
        return result.problems().stream().filter(p -> p.file().equals(file) && column.equals(p.column())).count();
    }

    static long planted(DemoDistrict district, String rule) {
        long n = district.truth().ofCategory("UNRESOLVED_REFERENCE").stream().filter(p -> p.rule().equals(rule)).count();
        assertThat(n).as(rule).isPositive();
        return n;
    }

    /** The demo written as 1.2 (roles in roles.csv) reads as the same roster as 1.1; only the per-org roles are new. */
    @Test
    void theOneRoster1p2ZipReadsAsTheSameRoster(@TempDir Path v11, @TempDir Path v12) throws Exception {
        DemoSpec spec = new DemoSpec(1_200, 12);
        DemoDistrictWriter.Written old = new DemoDistrictWriter().write(spec, v11);
        DemoDistrictWriter.Written written = new DemoDistrictWriter().write(spec, v12, DemoDistrictWriter.OneRosterVersion.V1_2);
        DemoDistrict district = new DemoDistrictGenerator().generate(spec);

        OneRosterImport from11 = reader.read(old.zip(), DemoDistrictGenerator.CUSTOMER_KEY, DemoDistrictGenerator.FETCHED_AT);
        OneRosterImport from12 = reader.read(written.zip(), DemoDistrictGenerator.CUSTOMER_KEY, DemoDistrictGenerator.FETCHED_AT);

        assertThat(from12.version()).isEqualTo("1.2");
        assertThat(from12.skippedRows()).isZero();
        assertThat(from12.problems()).extracting(ImportProblem::toString)
                .containsExactlyElementsOf(from11.problems().stream().map(ImportProblem::toString).toList());
        assertThat(from12.rowsRead()).containsEntry("roles.csv",
                district.sis().users().stream().mapToInt(u -> u.orgSourcedIds().size()).sum());
        RosterSnapshot withoutRoles = withoutRoles(from12.snapshot());
        assertThat(withoutRoles).isEqualTo(from11.snapshot());
        assertThat(withoutRoles).isEqualTo(district.sis());
        RosterUser anyone = from12.snapshot().users().get(0);
        assertThat(anyone.roles()).hasSize(anyone.orgSourcedIds().size()).first()
                .satisfies(r -> {
                    assertThat(r.primary()).isTrue();
                    assertThat(r.role()).isEqualTo(anyone.role());
                    assertThat(r.orgSourcedId()).isEqualTo(anyone.primaryOrg());
                });
    }

    static RosterSnapshot withoutRoles(RosterSnapshot s) {
        RosterSnapshot.Builder b = RosterSnapshot.builder(s.meta());
        s.orgs().forEach(b::org);
        s.academicSessions().forEach(b::academicSession);
        s.courses().forEach(b::course);
        s.classes().forEach(b::rosterClass);
        for (RosterUser u : s.users()) {
            b.user(new RosterUser(u.sourcedId(), u.sisId(), u.role(), u.identifier(), u.givenName(), u.familyName(), u.email(),
                    u.username(), u.grades(), u.orgSourcedIds(), u.agentSourcedIds(), u.birthDate(), u.enabled(), u.status(),
                    u.dateLastModified(), u.middleName(), u.preferredGivenName(), u.preferredMiddleName(),
                    u.preferredFamilyName(), u.userMasterIdentifier(), List.of(), u.extensions()));
        }
        s.enrollments().forEach(b::enrollment);
        s.guardianEmailsElsewhere().forEach(b::guardianEmailElsewhere);
        return b.build();
    }

    @Test
    void unzippedFolderReadsTheSame(@TempDir Path folder) throws Exception {
        DemoSpec spec = new DemoSpec(500, 9);
        DemoDistrictWriter.Written written = new DemoDistrictWriter().write(spec, folder);
        Path unzipped = Files.createDirectory(folder.resolve("unzipped"));
        try (InputStream in = Files.newInputStream(written.zip()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path file = unzipped.resolve(e.getName());
                Files.copy(zip, file);
                // as unzip does: the files keep the export's times, which say what day the roster describes
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                        e.getTimeLocal().toInstant(java.time.ZoneOffset.UTC)));
            }
        }
        OneRosterImport fromFolder = reader.read(unzipped, "demo", DemoDistrictGenerator.FETCHED_AT);
        OneRosterImport fromZip = reader.read(written.zip(), "demo", DemoDistrictGenerator.FETCHED_AT);
        assertThat(fromFolder.snapshot()).isEqualTo(fromZip.snapshot());
    }
}

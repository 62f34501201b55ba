package com.bookmarked.cdt.core.http;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsCsvTest {

    @Test
    void headerAndRowsFollowTheContract() throws Exception {
        Finding f = Finding.builder("student-mismatch", "FIELD_DRIFT", Severity.WARNING)
                .title("Grade differs, \"05\" vs \"06\"")
                .rule("drift.grade")
                .entity(EntityRef.of(SnapshotSide.SIS, EntityType.STUDENT, "s-1", "grade", "05", "note", "line1\nline2"))
                .entity(EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "o-1", "grade", "06"))
                .entity(EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "o-2", "grade", null))
                .resolution("re-sync", "=HYPERLINK(\"http://x\")", null)
                .build().withId("12");
        StringWriter out = new StringWriter();
        FindingsCsv.writeHeader(out);
        FindingsCsv.writeRow(out, f);
        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(FindingsCsv.HEADER)
                .isEqualTo("id,fingerprint,category,severity,rule,title,sis_key,ours_key,sis_values,ours_values,resolution,description");
        assertThat(out.toString()).isEqualTo(FindingsCsv.HEADER + "\r\n"
                + "12," + f.fingerprint() + ",FIELD_DRIFT,warning,drift.grade,"
                + "\"Grade differs, \"\"05\"\" vs \"\"06\"\"\","
                + "s-1,o-1 | o-2,"
                + "\"grade=05; note=line1\nline2\","
                + "grade=06 | grade=,"
                + "re-sync,"
                + "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
    }

    @Test
    void onlyFormulaLikeCellsAreGuarded() throws Exception {
        StringWriter out = new StringWriter();
        FindingsCsv.cell(out, "-5", true);
        FindingsCsv.cell(out, "-x", false);
        FindingsCsv.cell(out, "@sum", false);
        FindingsCsv.cell(out, "+1", false);
        FindingsCsv.cell(out, null, false);
        assertThat(out.toString()).isEqualTo("-5,'-x,'@sum,'+1,");
    }
}

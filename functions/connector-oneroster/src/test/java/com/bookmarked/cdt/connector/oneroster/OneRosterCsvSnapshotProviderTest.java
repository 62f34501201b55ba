package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.folder;
import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.validExport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneRosterCsvSnapshotProviderTest {

    private final OneRosterCsvSnapshotProvider provider = new OneRosterCsvSnapshotProvider();

    private static Customer customer(String type, String location) {
        return new Customer("springfield", "Springfield", new CustomerSettings(new CustomerSettings.Sis(type, location, null),
                null, null), Instant.EPOCH);
    }

    @Test
    void claimsLocalPathsOnlyRemoteExportsBelongToTheFtpConnector() {
        assertThat(provider.serves(customer("oneroster-csv", "/data/districts/springfield/export.zip"), SnapshotSide.SIS)).isTrue();
        assertThat(provider.serves(customer("oneroster-csv", "relative/folder"), SnapshotSide.SIS)).isTrue();
        assertThat(provider.serves(customer("oneroster-csv", "C:\\exports\\springfield.zip"), SnapshotSide.SIS)).isTrue();
        assertThat(provider.serves(customer("oneroster-csv", "file:///data/export.zip"), SnapshotSide.SIS)).isTrue();
        for (String remote : new String[] {"ftp://ftp.example.org/out", "FTPS://ftp.example.org/out",
                "sftp://user@sftp.example.org:22/exports", "https://sis.example.org/export.zip"}) {
            assertThat(provider.serves(customer("oneroster-csv", remote), SnapshotSide.SIS)).as(remote).isFalse();
        }
        assertThat(provider.serves(customer("oneroster-csv", "/data/export.zip"), SnapshotSide.OURS)).isFalse();
        assertThat(provider.serves(customer("oneroster-rest", "/data/export.zip"), SnapshotSide.SIS)).isFalse();
    }

    @Test
    void readsAFileUrlAndRefusesADeltaForARun(@TempDir Path full, @TempDir Path delta) throws Exception {
        RosterSnapshot snapshot = provider.fetch(customer("oneroster-csv", folder(full, validExport()).toUri().toString()),
                SnapshotSide.SIS, Progress.NONE);
        assertThat(snapshot.users()).hasSize(4);

        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv").replace("file.enrollments,bulk", "file.enrollments,delta"));
        files.put("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,tobedeleted,2026-11-15T06:00:00Z,k1,s1,u1,student,false,,
                """);
        Customer onDelta = customer("oneroster-csv", folder(delta, files).toString());
        assertThatThrownBy(() -> provider.fetch(onDelta, SnapshotSide.SIS, Progress.NONE))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("The export is a delta (only what changed, in enrollments.csv)")
                .satisfies(e -> assertThat(((UserFacingException) e).status()).isEqualTo(422));
    }
}

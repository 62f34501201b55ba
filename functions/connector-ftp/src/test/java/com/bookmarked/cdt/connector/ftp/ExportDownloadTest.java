package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The download's own checks, where a real server would have to misbehave to reach them: a file
 * larger than listed, a file that changed size, a cancelled run. A session stands in for the
 * server and hands out the bytes it is given.
 */
class ExportDownloadTest {

    @TempDir
    Path downloads;

    static final byte[] ZIP_HEAD = {'P', 'K', 3, 4};

    static byte[] zipOf(int size) {
        byte[] b = new byte[size];
        System.arraycopy(ZIP_HEAD, 0, b, 0, 4);
        return b;
    }

    record Served(byte[] content) implements FileServerSession {
        @Override
        public List<RemoteFile> list(FileNamePattern exactTimes) {
            return List.of();
        }

        @Override
        public InputStream download(RemoteFile file) {
            return new ByteArrayInputStream(content);
        }

        @Override
        public void close() {
        }
    }

    FileServerException refusal(byte[] content, RemoteFile listed, long maxBytes, Progress progress) {
        FileServerException e = catchThrowableOfType(FileServerException.class,
                () -> ExportDownload.fetch(new Served(content), listed, maxBytes, downloads, "SFTP", progress));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    List<Path> left() throws IOException {
        try (var files = Files.list(downloads)) {
            return files.toList();
        }
    }

    @Test
    void aFileWithinTheLimitIsKeptForTheReader() throws Exception {
        Path file = ExportDownload.fetch(new Served(zipOf(5000)), new RemoteFile("x.zip", 5000, Instant.now()), 10_000, downloads, "SFTP", Progress.NONE);

        assertThat(file).hasParent(downloads).hasSize(5000);
        assertThat(left()).containsExactly(file);
    }

    @Test
    void aFileLargerThanListedIsStoppedAtTheLimit() throws Exception {
        FileServerException e = refusal(zipOf(300_000), new RemoteFile("x.zip", 1000, Instant.now()), 200_000, Progress.NONE);

        assertThat(e.getMessage()).isEqualTo("CDT stopped downloading x.zip at 195.3 KB, the limit (maxBytes in the settings): the file "
                + "is larger than the server listed. Ask the district what it is, or raise maxBytes.");
        assertThat(left()).isEmpty();
    }

    @Test
    void aFileThatChangedWhileDownloadingIsToBeTriedAgain() throws Exception {
        FileServerException e = refusal(zipOf(4000), new RemoteFile("x.zip", 5000, Instant.now()), 10_000, Progress.NONE);

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).startsWith("x.zip changed while CDT downloaded it (listed at 4.9 KB, received 3.9 KB)");
        assertThat(left()).isEmpty();
    }

    @Test
    void aCancelledRunStopsTheDownload() throws Exception {
        Progress cancelled = new Progress() {
            @Override
            public void report(String phase, int percent) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };

        FileServerException e = refusal(zipOf(1_000_000), new RemoteFile("x.zip", 1_000_000, Instant.now()), 2_000_000, cancelled);

        assertThat(e.getMessage()).isEqualTo("The run was cancelled while x.zip was downloading; nothing was read.");
        assertThat(left()).isEmpty();
    }

    @Test
    void aDownloadThatCannotBeStoredIsForEngineers() throws Exception {
        Path notAFolder = Files.writeString(downloads.resolve("occupied"), "a file where the folder should be");

        FileServerException e = catchThrowableOfType(FileServerException.class, () -> ExportDownload.fetch(new Served(zipOf(10)),
                new RemoteFile("x.zip", 10, Instant.now()), 100, notAFolder.resolve("downloads"), "SFTP", Progress.NONE));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).startsWith("CDT could not store x.zip (10 bytes) while downloading it (").contains("Engineers:");
    }

    @Test
    void whatANonZipLooksLikeIsSaid() throws Exception {
        Path gz = Files.write(downloads.resolve("a"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        Path empty = Files.write(downloads.resolve("b"), new byte[0]);
        Path binary = Files.write(downloads.resolve("c"), new byte[] {0, 1, 2, 3, 4});

        assertThat(ExportDownload.notAZip(gz, "a.zip")).startsWith("a.zip is not a zip file (it is gzip-compressed, not zipped).");
        assertThat(ExportDownload.notAZip(empty, "b.zip")).startsWith("b.zip is not a zip file (it is empty).");
        assertThat(ExportDownload.notAZip(binary, "c.zip")).startsWith("c.zip is not a zip file (its content is not a zip archive).");
        assertThat(ExportDownload.notAZip(Files.write(downloads.resolve("d"), zipOf(10)), "d.zip")).isNull();
    }
}

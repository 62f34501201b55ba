package com.bookmarked.cdt.connector.oneroster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.validExport;
import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zips that try to escape, explode or confuse are refused with a message an agent can pass on; nothing is extracted. */
class SafeZipTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");

    private final OneRosterCsvReader reader = new OneRosterCsvReader();

    private static Path zipWith(Path file, Map<String, byte[]> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> exportPlus(String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        validExport().forEach((k, v) -> entries.put(k, v.getBytes(StandardCharsets.UTF_8)));
        entries.put(name, content);
        return entries;
    }

    @Test
    void anEntryThatClimbsOutOfItsFolderIsRefused(@TempDir Path dir) throws Exception {
        Path zip = zipWith(dir.resolve("slip.zip"), exportPlus("../../etc/cron.d/evil.csv", "x".getBytes()));
        assertThatThrownBy(() -> reader.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("slip.zip was refused: it has an entry that tries to leave its folder (../../etc/cron.d/evil.csv).");
        Path windows = zipWith(dir.resolve("slip2.zip"), exportPlus("export\\..\\..\\evil.csv", "x".getBytes()));
        assertThatThrownBy(() -> reader.read(windows, "x", NOW)).hasMessageContaining("tries to leave its folder");
    }

    @Test
    void absolutePathsAreRefused(@TempDir Path dir) throws Exception {
        Path unix = zipWith(dir.resolve("abs.zip"), exportPlus("/etc/passwd", "root".getBytes()));
        assertThatThrownBy(() -> reader.read(unix, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("abs.zip was refused: it has an entry with an absolute path (/etc/passwd); a OneRoster export holds plain file names.");
        Path drive = zipWith(dir.resolve("drive.zip"), exportPlus("C:/Windows/evil.csv", "x".getBytes()));
        assertThatThrownBy(() -> reader.read(drive, "x", NOW)).hasMessageContaining("absolute path (C:/Windows/evil.csv)");
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsRead(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = exportPlus("extra-0.txt", new byte[0]);
        for (int i = 1; i <= ZipLimits.DEFAULT.maxEntries(); i++) {
            entries.put("extra-" + i + ".txt", new byte[0]);
        }
        Path zip = zipWith(dir.resolve("many.zip"), entries);
        assertThatThrownBy(() -> reader.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("many.zip was refused: it has more than 1000 entries, far more than a OneRoster export.");
    }

    @Test
    void aZipBombIsStoppedByItsCompressionRatio(@TempDir Path dir) throws Exception {
        byte[] header = validExport().get("users.csv").substring(0, validExport().get("users.csv").indexOf('\n') + 1)
                .getBytes(StandardCharsets.UTF_8);
        byte[] bomb = Arrays.copyOf(header, header.length + 64 * 1024 * 1024);
        Arrays.fill(bomb, header.length, bomb.length, (byte) '\n');
        Map<String, byte[]> entries = exportPlus("users.csv", bomb);
        Path zip = zipWith(dir.resolve("bomb.zip"), entries);
        assertThat(Files.size(zip)).isLessThan(1 << 20);

        assertThatThrownBy(() -> reader.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("bomb.zip was refused: users.csv expands more than 100 times its packed size, as zip bombs do.");
    }

    @Test
    void anEntryDeclaredLargerThanTheLimitIsRefusedUpFront(@TempDir Path dir) throws Exception {
        Path zip = zip(dir.resolve("big.zip"), "", validExport());
        OneRosterCsvReader strict = new OneRosterCsvReader(new ZipLimits(100, 300, 1 << 20, 100, 1 << 20));
        assertThatThrownBy(() -> strict.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageMatching("big\\.zip was refused: \\w+\\.csv would expand to 1 KB, more than the 1 KB CDT reads from one file\\.");
    }

    @Test
    void anEntryThatLiesAboutItsSizeIsStoppedWhileRead(@TempDir Path dir) throws Exception {
        String users = validExport().get("users.csv");
        StringBuilder rows = new StringBuilder(users);
        for (int i = 0; i < 2_000; i++) {
            rows.append("u-extra-").append(i).append(",,,true,s1,student,x,,A,B,,1,,,,,04,\r\n");
        }
        byte[] big = rows.toString().getBytes(StandardCharsets.UTF_8);
        Path zip = zipWith(dir.resolve("liar.zip"), exportPlus("users.csv", big));
        lieAboutSizes(zip, "users.csv", 400); // Java's ZipFile believes the directory: only counting catches this
        OneRosterCsvReader strict = new OneRosterCsvReader(new ZipLimits(100, 10_000, 1 << 20, 1_000, 1 << 20));
        assertThatThrownBy(() -> strict.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("liar.zip was refused: users.csv expands to more than 10 KB, the most CDT reads from one file.");
    }

    @Test
    void allEntriesTogetherHaveALimitToo(@TempDir Path dir) throws Exception {
        Path zip = zip(dir.resolve("total.zip"), "", validExport());
        OneRosterCsvReader strict = new OneRosterCsvReader(new ZipLimits(100, 1 << 20, 2_000, 100, 1 << 20));
        assertThatThrownBy(() -> strict.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageMatching("total\\.zip was refused: its files (would )?expand to more than 2 KB\\.");
    }

    @Test
    void twoExportsInOneZipAreRefused(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        validExport().forEach((k, v) -> entries.put("monday/" + k, v.getBytes(StandardCharsets.UTF_8)));
        validExport().forEach((k, v) -> entries.put("tuesday/" + k, v.getBytes(StandardCharsets.UTF_8)));
        Path zip = zipWith(dir.resolve("two.zip"), entries);
        assertThatThrownBy(() -> reader.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("two.zip was refused: it holds two exports (one in monday/ and one in tuesday/); send one export per zip.");
    }

    @Test
    void aFileTwiceInDifferentCaseIsRefused(@TempDir Path dir) throws Exception {
        Path zip = zipWith(dir.resolve("case.zip"), exportPlus("Users.csv", "sourcedId\n".getBytes()));
        assertThatThrownBy(() -> reader.read(zip, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("case.zip was refused: it has Users.csv twice.");
    }

    @Test
    void macOsLeftoversAndDeeperFoldersAreIgnored(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        validExport().forEach((k, v) -> entries.put("export/" + k, v.getBytes(StandardCharsets.UTF_8)));
        entries.put("__MACOSX/export/._users.csv", new byte[] {0, 5, 22, 7});
        entries.put("export/._users.csv", new byte[] {0, 5, 22, 7});
        entries.put("export/old/users.csv", "garbage".getBytes());
        OneRosterImport result = reader.read(zipWith(dir.resolve("mac.zip"), entries), "x", NOW);
        assertThat(result.problems()).isEmpty();
        assertThat(result.snapshot().users()).hasSize(4);
    }

    @Test
    void aDamagedZipIsNamedAsDamaged(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        validExport().forEach((k, v) -> entries.put(k, (v + v.substring(v.indexOf('\n') + 1).repeat(50)).getBytes(StandardCharsets.UTF_8)));
        Path zip = zipWith(dir.resolve("good.zip"), entries);
        byte[] bytes = Files.readAllBytes(zip);

        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> reader.read(cut, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("cut.zip is not a readable zip file.");

        // scramble the packed data of every entry but keep the directory: the damage shows while reading
        byte[] scrambled = bytes.clone();
        int directory = lastIndexOf(scrambled, 0x02014b50);
        for (int i = 40; i < directory - 40; i += 7) {
            scrambled[i] ^= 0x5a;
        }
        Path bad = Files.write(dir.resolve("scrambled.zip"), scrambled);
        assertThatThrownBy(() -> reader.read(bad, "x", NOW))
                .isInstanceOf(OneRosterFormatException.class);
    }

    /** Rewrites an entry's uncompressed size in the zip's central directory, as a forged zip would. */
    private static void lieAboutSizes(Path zip, String name, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (buf.getInt(i) == 0x02014b50) {
                int nameLength = buf.getShort(i + 28) & 0xffff;
                String entry = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (entry.equals(name)) {
                    buf.putInt(i + 24, size);
                }
            }
        }
        Files.write(zip, bytes);
    }

    private static int lastIndexOf(byte[] bytes, int signature) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int found = bytes.length;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (buf.getInt(i) == signature) {
                found = Math.min(found, i);
            }
        }
        return found;
    }
}

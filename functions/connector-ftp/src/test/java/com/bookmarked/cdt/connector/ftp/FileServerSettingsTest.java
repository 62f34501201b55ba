package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.customer.CustomerSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading a customer's file-server settings: what is accepted, and what the agent is told to fix. */
class FileServerSettingsTest {

    static final String FINGERPRINT = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

    static CustomerSettings.Sis sis(String location, Map<String, String> options) {
        return new CustomerSettings.Sis("oneroster-csv", location, "env:DISTRICT_SFTP", options);
    }

    static String refusal(CustomerSettings.Sis sis) {
        FileServerException e = catchThrowableOfType(FileServerException.class, () -> FileServerSettings.of(sis));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.check()).isEqualTo("Customer settings");
        assertThat(e.status()).isEqualTo(422);
        return e.getMessage();
    }

    @Test
    void defaultsFollowTheProtocol() throws Exception {
        FileServerSettings sftp = FileServerSettings.of(sis("sftp://files.district.example/exports/", Map.of("hostKeyFingerprint", FINGERPRINT + "=")));
        assertThat(sftp.address()).isEqualTo(new FileServerAddress(FileServerAddress.Protocol.SFTP, "files.district.example", 22, "/exports"));
        assertThat(sftp.hostKeyFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(sftp.pattern()).hasToString("*.zip");
        assertThat(sftp.maxBytes()).isEqualTo(2L * 1024 * 1024 * 1024);

        assertThat(FileServerSettings.of(sis("ftps://files.district.example", Map.of())).address().port()).isEqualTo(21);
        assertThat(FileServerSettings.of(sis("FTPS://files.district.example/x", Map.of("implicitTls", "true"))).address().port()).isEqualTo(990);
        assertThat(FileServerSettings.of(sis("ftp://10.0.0.5:2121/~/out", Map.of("maxBytes", "500 MB"))))
                .satisfies(s -> {
                    assertThat(s.address().port()).isEqualTo(2121);
                    assertThat(s.address().folder()).isEqualTo("out");
                    assertThat(s.address()).hasToString("ftp://10.0.0.5:2121/~/out");
                    assertThat(s.maxBytes()).isEqualTo(500L * 1024 * 1024);
                });
        assertThat(FileServerSettings.of(sis("sftp://h/~", Map.of())).address().folderLabel()).isEqualTo("the login folder");
        FileServerAddress v6 = FileServerSettings.of(sis("sftp://[::1]:2222/x", Map.of())).address();
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6).hasToString("sftp://[::1]:2222/x");
    }

    @Test
    void onlyOneRosterCsvOnAFileServerIsThisConnectors() {
        assertThat(FileServerSettings.appliesTo(sis("sftp://h/x", Map.of()))).isTrue();
        assertThat(FileServerSettings.appliesTo(sis(" ftp://h/x", Map.of()))).isTrue();
        assertThat(FileServerSettings.appliesTo(sis("/data/district.zip", Map.of()))).isFalse();
        assertThat(FileServerSettings.appliesTo(sis("https://h/x.zip", Map.of()))).isFalse();
        assertThat(FileServerSettings.appliesTo(new CustomerSettings.Sis("classlink", "sftp://h/x", null))).isFalse();
        assertThat(FileServerSettings.appliesTo(null)).isFalse();
    }

    @Test
    void aPasswordInTheLocationIsRefusedWithoutRepeatingIt() {
        String message = refusal(sis("sftp://district:Sup3r-Secret@files.district.example/exports", Map.of()));
        assertThat(message).contains("holds a user name or password").doesNotContain("Sup3r-Secret");

        String broken = refusal(sis("sftp://district:p w%@files/exports", Map.of()));
        assertThat(broken).startsWith("The customer's SIS location is not a valid address").doesNotContain("p w%");
    }

    @Test
    void optionsAreCheckedByName() {
        assertThat(refusal(sis("sftp://h/x", Map.of("hostkeyFingerprint", FINGERPRINT))))
                .isEqualTo("The SIS option hostkeyFingerprint is not known to the file server connector; it reads pattern, "
                        + "hostKeyFingerprint, maxBytes, implicitTls, tlsCertificateFingerprint (check the spelling).");
        assertThat(refusal(sis("ftps://h/x", Map.of("hostKeyFingerprint", FINGERPRINT))))
                .startsWith("The hostKeyFingerprint setting is for SFTP servers, but the location is FTPS");
        assertThat(refusal(sis("sftp://h/x", Map.of("implicitTls", "true")))).startsWith("The implicitTls and tlsCertificateFingerprint settings are for FTPS");
        assertThat(refusal(sis("ftps://h/x", Map.of("implicitTls", "maybe")))).isEqualTo("The implicitTls setting must be true or false, not 'maybe'.");
        assertThat(refusal(sis("sftp://h/x", Map.of("maxBytes", "lots")))).startsWith("The maxBytes setting ('lots') must be a size");
        assertThat(refusal(sis("sftp://h/x", Map.of("maxBytes", "99999999999999GB")))).startsWith("The maxBytes setting");
        assertThat(refusal(sis("sftp://h/x", Map.of("pattern", "exports/*.zip")))).contains("without a folder");
    }

    @Test
    void fingerprintsMustBeTheKindsOpenSshAndOpensslPrint() throws Exception {
        assertThat(refusal(sis("sftp://h/x", Map.of("hostKeyFingerprint", "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48"))))
                .startsWith("The hostKeyFingerprint setting is an MD5 fingerprint");
        assertThat(refusal(sis("sftp://h/x", Map.of("hostKeyFingerprint", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"))))
                .contains("SHA256: followed by 43 characters");
        assertThat(refusal(sis("sftp://h/x", Map.of("hostKeyFingerprint", "SHA256:47DEQpj8HBSa"))))
                .startsWith("The hostKeyFingerprint setting is not a complete SHA256 fingerprint");

        String hex = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
        assertThat(FileServerSettings.of(sis("ftps://h/x", Map.of("tlsCertificateFingerprint", "sha256 Fingerprint=" + hex.toLowerCase())))
                .tlsCertificateFingerprint()).isEqualTo(hex);
        assertThat(refusal(sis("ftps://h/x", Map.of("tlsCertificateFingerprint", "AB:CD")))).contains("32 pairs of hex digits");
    }

    @Test
    void aLoginNeedsAUsernameAndAPasswordOrKey() throws Exception {
        assertThat(refusal(new CustomerSettings.Sis("oneroster-csv", "sftp://h/x", null))).startsWith("The customer's settings have no secretRef");

        assertThat(FileServerLogin.parse("{\"username\":\"u\",\"password\":\"p\"}", "env:X", FileServerAddress.Protocol.FTP))
                .hasToString("FileServerLogin[password]");
        for (String bad : List.of("hunter2", "{\"password\":\"hunter2\"}", "{\"username\":\"u\"}", "[\"hunter2\"]")) {
            FileServerException e = catchThrowableOfType(FileServerException.class,
                    () -> FileServerLogin.parse(bad, "env:X", FileServerAddress.Protocol.SFTP));
            assertThat(e.check()).isEqualTo("Credentials");
            assertThat(e.getMessage()).startsWith("The secret env:X ").doesNotContain("hunter2");
        }
        FileServerException keyOnFtp = catchThrowableOfType(FileServerException.class, () -> FileServerLogin.parse(
                "{\"username\":\"u\",\"privateKey\":\"-----BEGIN OPENSSH PRIVATE KEY-----\"}", "env:X", FileServerAddress.Protocol.FTPS));
        assertThat(keyOnFtp.getMessage()).contains("only SFTP servers take");
    }

    @Test
    void patternsAreGlobsOnTheNameWithoutRegardToCase() throws Exception {
        FileNamePattern roster = FileNamePattern.of("roster_*.zip");
        assertThat(roster.matches("roster_2026-11-01.zip")).isTrue();
        assertThat(roster.matches("ROSTER_2026.ZIP")).isTrue();
        assertThat(roster.matches("old_roster_1.zip")).isFalse();
        assertThat(roster.matches("roster_1.zip.part")).isFalse();
        FileNamePattern literal = FileNamePattern.of("export(1).zip");
        assertThat(literal.matches("export(1).zip")).isTrue();
        assertThat(literal.matches("export1.zip")).isFalse();
        assertThat(FileNamePattern.of("day?.zip").matches("day7.zip")).isTrue();
        assertThat(FileNamePattern.of("").toString()).isEqualTo("*.zip");
    }

    @Test
    void sizesReadAsAnAgentWritesThem() {
        assertThat(ByteSize.parse("2GB")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("750k")).isEqualTo(750L << 10);
        assertThat(ByteSize.parse("1048576")).isEqualTo(1L << 20);
        assertThat(ByteSize.parse("1.5GB")).isNull();
        assertThat(ByteSize.describe(20_527)).isEqualTo("20.0 KB");
        assertThat(ByteSize.describe(3L << 30)).isEqualTo("3.00 GB");
    }
}

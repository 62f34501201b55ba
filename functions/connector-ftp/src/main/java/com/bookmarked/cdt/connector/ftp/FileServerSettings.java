package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.core.customer.CustomerSettings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A customer's file-server settings: the address (from {@code sis.location}), where the login is
 * kept ({@code sis.secretRef}), and this connector's options in {@code sis.options}:
 * <ul>
 *   <li>{@code pattern}: glob for the export's file name (default {@code *.zip});</li>
 *   <li>{@code hostKeyFingerprint}: SFTP only, required: the server's host key as OpenSSH prints it;</li>
 *   <li>{@code maxBytes}: the largest export CDT downloads (default 2 GB; "500MB", "2GB" or bytes);</li>
 *   <li>{@code implicitTls}: FTPS only, {@code true} for implicit TLS (port 990); explicit by default;</li>
 *   <li>{@code tlsCertificateFingerprint}: FTPS only, optional: trust exactly this certificate (a
 *       district's own, self-signed one) instead of the usual certificate authorities.</li>
 * </ul>
 */
public record FileServerSettings(FileServerAddress address, String secretRef, FileNamePattern pattern,
                                 String hostKeyFingerprint, String tlsCertificateFingerprint, long maxBytes,
                                 boolean implicitTls) {

    public static final String PATTERN = "pattern";
    public static final String HOST_KEY_FINGERPRINT = "hostKeyFingerprint";
    public static final String MAX_BYTES = "maxBytes";
    public static final String IMPLICIT_TLS = "implicitTls";
    public static final String TLS_CERTIFICATE_FINGERPRINT = "tlsCertificateFingerprint";
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final List<String> OPTIONS = List.of(PATTERN, HOST_KEY_FINGERPRINT, MAX_BYTES, IMPLICIT_TLS, TLS_CERTIFICATE_FINGERPRINT);

    /** Whether this connector reads the customer's SIS: OneRoster CSV kept on a file server. */
    public static boolean appliesTo(CustomerSettings.Sis sis) {
        return sis != null && OneRosterCsvReader.SOURCE.equals(sis.type()) && FileServerAddress.isFileServer(sis.location());
    }

    /**
     * Reads and checks the settings.
     *
     * @throws FileServerException (check {@link Checks#SETTINGS}) naming the first thing to fix
     */
    public static FileServerSettings of(CustomerSettings.Sis sis) throws FileServerException {
        if (sis == null || !OneRosterCsvReader.SOURCE.equals(sis.type())) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS is set up as "
                    + (sis == null || sis.type() == null ? "nothing" : sis.type())
                    + ", not OneRoster CSV (oneroster-csv) on a file server; test it with its own connector or change the settings.");
        }
        if (!FileServerAddress.isFileServer(sis.location())) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS location is "
                    + (sis.location() == null || sis.location().isBlank() ? "empty" : "a file path, not a file server address")
                    + "; for a file server set it to sftp://host/folder, ftps://host/folder or ftp://host/folder"
                    + " (a path is tested with the OneRoster CSV connector).");
        }
        Map<String, String> options = sis.options();
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        OPTIONS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw FileServerException.fix(Checks.SETTINGS, "The SIS option" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not known to the file server connector; it reads " + String.join(", ", OPTIONS) + " (check the spelling).");
        }
        boolean implicitTls = flag(options.get(IMPLICIT_TLS));
        FileServerAddress address = FileServerAddress.parse(sis.location(), implicitTls);
        boolean sftp = address.protocol() == FileServerAddress.Protocol.SFTP;
        boolean ftps = address.protocol() == FileServerAddress.Protocol.FTPS;
        if (!sftp && options.get(HOST_KEY_FINGERPRINT) != null) {
            throw FileServerException.fix(Checks.SETTINGS, "The hostKeyFingerprint setting is for SFTP servers, but the location is "
                    + address.protocol().label() + "; remove it, or check the location's protocol with the district.");
        }
        if (!ftps && (options.get(IMPLICIT_TLS) != null || options.get(TLS_CERTIFICATE_FINGERPRINT) != null)) {
            throw FileServerException.fix(Checks.SETTINGS, "The implicitTls and tlsCertificateFingerprint settings are for FTPS "
                    + "servers, but the location is " + address.protocol().label() + "; remove them, or write the location as ftps://.");
        }
        String hostKey = options.get(HOST_KEY_FINGERPRINT) == null ? null : Fingerprints.hostKey(options.get(HOST_KEY_FINGERPRINT));
        String certificate = options.get(TLS_CERTIFICATE_FINGERPRINT) == null ? null
                : Fingerprints.certificate(options.get(TLS_CERTIFICATE_FINGERPRINT));
        long maxBytes = DEFAULT_MAX_BYTES;
        if (options.get(MAX_BYTES) != null) {
            Long parsed = ByteSize.parse(options.get(MAX_BYTES));
            if (parsed == null || parsed < 1) {
                throw FileServerException.fix(Checks.SETTINGS, "The maxBytes setting ('" + options.get(MAX_BYTES)
                        + "') must be a size such as 500MB or 2GB, or a number of bytes.");
            }
            maxBytes = parsed;
        }
        if (sis.secretRef() == null || sis.secretRef().isBlank()) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's settings have no secretRef: the " + address.protocol().label()
                    + " server needs a login. Store {\"username\", \"password\"} or {\"username\", \"privateKey\"} as a secret "
                    + "and set secretRef to its reference.");
        }
        return new FileServerSettings(address, sis.secretRef(), FileNamePattern.of(options.get(PATTERN)), hostKey, certificate,
                maxBytes, implicitTls);
    }

    private static boolean flag(String value) throws FileServerException {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw FileServerException.fix(Checks.SETTINGS, "The implicitTls setting must be true or false, not '" + value + "'.");
        };
    }
}

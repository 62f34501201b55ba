package com.bookmarked.cdt.connector.ftp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the district drops its exports, from the SIS location: {@code sftp://host[:port]/folder},
 * {@code ftps://…} or {@code ftp://…}. The folder is taken as written ({@code /exports} is
 * {@code /exports} on the server); an empty folder, {@code /~} or {@code /~/exports} is the
 * login folder or a folder below it, as curl reads such URLs.
 *
 * @param folder the folder to list, absolute ("/exports") or relative to the login folder ("exports", "" for the login folder itself)
 */
public record FileServerAddress(Protocol protocol, String host, int port, String folder) {

    public enum Protocol {
        FTP("ftp", "FTP", 21), FTPS("ftps", "FTPS", 21), SFTP("sftp", "SFTP", 22);

        final String scheme;
        final String label;
        final int defaultPort;

        Protocol(String scheme, String label, int defaultPort) {
            this.scheme = scheme;
            this.label = label;
            this.defaultPort = defaultPort;
        }

        public String label() {
            return label;
        }
    }

    /** Implicit FTPS listens on its own port. */
    static final int IMPLICIT_FTPS_PORT = 990;

    /** Whether the location names a file server (the OneRoster CSV reader's own locations are paths). */
    public static boolean isFileServer(String location) {
        if (location == null) {
            return false;
        }
        String lower = location.strip().toLowerCase(Locale.ROOT);
        for (Protocol p : Protocol.values()) {
            if (lower.startsWith(p.scheme + "://")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address in a location; the port defaults by protocol (990 for implicit FTPS).
     *
     * @throws FileServerException naming what is wrong, without repeating anything that looks like a password
     */
    public static FileServerAddress parse(String location, boolean implicitTls) throws FileServerException {
        if (!isFileServer(location)) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS location is "
                    + (location == null || location.isBlank() ? "empty" : "not a file server address")
                    + "; set it to sftp://host/folder, ftps://host/folder or ftp://host/folder.");
        }
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            // the location may hold a mistyped password; name the position only
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS location is not a valid address (a problem at character "
                    + (e.getIndex() + 1) + "); write it as sftp://host[:port]/folder, with spaces as %20.");
        }
        if (uri.getRawUserInfo() != null) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS location holds a user name or password; remove it "
                    + "from the location (write sftp://host/folder) and keep the login in the secret that secretRef names.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS location has no server name; write it as "
                    + "sftp://host[:port]/folder.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw FileServerException.fix(Checks.SETTINGS, "The customer's SIS location has a '?' or '#' part, which a file server "
                    + "address does not take; put the file name pattern in the pattern setting instead.");
        }
        Protocol protocol = Protocol.valueOf(uri.getScheme().toUpperCase(Locale.ROOT));
        int port = uri.getPort() > 0 ? uri.getPort()
                : protocol == Protocol.FTPS && implicitTls ? IMPLICIT_FTPS_PORT : protocol.defaultPort;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new FileServerAddress(protocol, host, port, folderOf(uri.getPath()));
    }

    private static String folderOf(String path) {
        String p = path == null ? "" : path;
        if (p.equals("/~") || p.equals("/~/")) {
            return "";
        }
        if (p.startsWith("/~/")) {
            p = p.substring(3);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** The path of a file in the folder. */
    String pathOf(String fileName) {
        if (folder.isEmpty()) {
            return fileName;
        }
        return folder.endsWith("/") ? folder + fileName : folder + "/" + fileName;
    }

    /** How the folder reads in messages. */
    String folderLabel() {
        return folder.isEmpty() ? "the login folder" : "the folder " + folder;
    }

    /** The address as a location, without credentials (they are never part of it). */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String f = folder.isEmpty() ? "" : folder.startsWith("/") ? folder : "/~/" + folder;
        return protocol.scheme + "://" + h + ":" + port + f;
    }
}

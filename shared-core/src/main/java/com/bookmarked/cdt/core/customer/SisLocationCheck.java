package com.bookmarked.cdt.core.customer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of {@code settings.sis.location} per SIS type, checked when settings are saved so that
 * a location the connector would refuse at run time is refused here first, in the same words the
 * web app's form uses ({@code web-spa/src/customers/settingsForm.ts}).
 */
final class SisLocationCheck {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");
    private static final List<String> FILE_SERVER_SCHEMES = List.of("sftp", "ftps", "ftp");
    private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]", "::1");

    private SisLocationCheck() {
    }

    /** What is wrong with the location for this SIS type, or null (also for an unknown type: that is reported on the type). */
    static String problem(String type, String location) {
        return switch (type) {
            case "oneroster-rest", "classlink" -> webAddressProblem(location);
            case "oneroster-csv" -> exportLocationProblem(location);
            default -> null;
        };
    }

    /** The OneRoster API and ClassLink: https, or http on this machine only. */
    private static String webAddressProblem(String location) {
        URI uri = parse(location);
        if (uri == null || uri.getScheme() == null) {
            return "must be a web address starting with https://";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = uri.getHost() != null && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            return "must start with https://";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name the server, e.g. https://sis.district.org/ims/oneroster/v1p1";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold a username or password (those belong in the secret)";
        }
        if (location.contains("#")) {
            return "must not contain a # fragment";
        }
        return null;
    }

    /** OneRoster CSV: a file or folder path here, or an sftp://, ftps:// or ftp:// address. */
    private static String exportLocationProblem(String location) {
        Matcher m = SCHEME.matcher(location);
        if (!m.find()) {
            return null;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!FILE_SERVER_SCHEMES.contains(scheme)) {
            return "must be a file or folder path, or an sftp://, ftps:// or ftp:// address "
                    + "(a web address belongs to the OneRoster API type)";
        }
        URI uri = parse(location);
        if (uri == null) {
            return "is not a valid " + scheme + ":// address";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name the server, e.g. " + scheme + "://sftp.district.org/exports";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold a username or password (those belong in the secret)";
        }
        return null;
    }

    private static URI parse(String location) {
        try {
            return new URI(location.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

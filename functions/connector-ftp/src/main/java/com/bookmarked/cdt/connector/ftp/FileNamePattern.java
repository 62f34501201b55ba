package com.bookmarked.cdt.connector.ftp;

import java.util.regex.Pattern;

/**
 * Which files in the folder are exports: a glob on the file name, without regard to case
 * (districts' tools write "Roster.ZIP" as often as "roster.zip"). {@code *} is any run of
 * characters, {@code ?} one character; everything else stands for itself.
 */
public final class FileNamePattern {

    public static final String DEFAULT = "*.zip";

    private final String glob;
    private final Pattern regex;

    private FileNamePattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static FileNamePattern of(String glob) throws FileServerException {
        if (glob == null || glob.isBlank()) {
            return of(DEFAULT);
        }
        if (glob.contains("/") || glob.contains("\\")) {
            throw FileServerException.fix(Checks.SETTINGS, "The pattern setting ('" + glob + "') must be a file name "
                    + "such as *.zip or roster_*.zip, without a folder; put the folder in the SIS location.");
        }
        StringBuilder r = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.strip().toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    r.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                r.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            r.append(Pattern.quote(literal.toString()));
        }
        return new FileNamePattern(glob.strip(), Pattern.compile(r.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    public boolean matches(String fileName) {
        return regex.matcher(fileName).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}

package com.bookmarked.cdt.core.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for the logs: what looks like a secret or an email address in a
 * message or a stack trace is replaced before the line is written. Our own code logs ids only;
 * this catches what a library or a database puts into an exception message (a JDBC URL with its
 * password, a bearer token echoed back, a district's email in a constraint violation).
 */
final class LogRedaction {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // JWTs (header.payload.signature, base64url; the header always starts with {" → eyJ)
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), "[redacted token]"),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 [redacted]"),
            // user:password@ in URLs
            new Rule(Pattern.compile("(://)[^/\\s:@]+:[^/\\s@]+@"), "$1[redacted]@"),
            // password=…, "clientSecret": "…", token: …
            new Rule(Pattern.compile("(?i)(\"?(?:password|passwd|pwd|secret|client_?secret|access_?token|refresh_?token|api_?key|"
                    + "private_?key|passphrase|token)\"?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"')}]+)"), "$1[redacted]"),
            // PostgreSQL quotes the row or key it refused: a student's or guardian's values
            new Rule(Pattern.compile("(Failing row contains |Key )\\((?:[^()\\n]|\\([^()\\n]*\\))*\\)(=\\([^\\n]*?\\))?"), "$1([redacted])"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[email]"));

    private LogRedaction() {
    }

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(rule.replacement());
            }
        }
        return out;
    }
}

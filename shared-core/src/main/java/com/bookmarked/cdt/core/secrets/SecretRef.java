package com.bookmarked.cdt.core.secrets;

import com.bookmarked.cdt.core.http.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Where a secret is kept, never the secret: {@code env:NAME} (an environment variable),
 * {@code file:/path} (a file's content) or {@code aws-sm:NAME} (AWS Secrets Manager). Its
 * {@link #toString()} is the reference itself, so it is safe to log and to show.
 */
public record SecretRef(Scheme scheme, String name) {

    private static final Pattern FORMAT = Pattern.compile("^(env|file|aws-sm):[A-Za-z0-9_./:-]+$");

    public enum Scheme {
        ENV("env"), FILE("file"), AWS_SM("aws-sm");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** Parses a reference; anything else (a pasted password, say) is refused without echoing it. */
    public static SecretRef parse(String text) {
        if (!isValid(text)) {
            throw InvalidInputException.of("secretRef",
                    "must be a reference such as env:NAME, file:/path or aws-sm:NAME, never the secret itself");
        }
        int colon = text.indexOf(':');
        String prefix = text.substring(0, colon);
        String name = text.substring(colon + 1);
        for (Scheme s : Scheme.values()) {
            if (s.prefix.equals(prefix)) {
                return new SecretRef(s, name);
            }
        }
        throw new IllegalStateException("the format admits only known schemes");
    }

    @Override
    public String toString() {
        return scheme.prefix + ":" + name;
    }
}

package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.http.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors. The client only hands back what it was given; the text inside (a
 * position in the keyset order) is base64url so that nobody builds one by hand.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside a cursor; a damaged cursor is the client's mistake, answered as 422. */
    public static String decode(String cursor, String expectedPrefix) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(expectedPrefix)) {
                return text.substring(expectedPrefix.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a cursor of the wrong kind
        }
        throw invalid();
    }

    public static InvalidInputException invalid() {
        return InvalidInputException.of("cursor",
                "is not a cursor this list handed out; start again from the first page");
    }
}

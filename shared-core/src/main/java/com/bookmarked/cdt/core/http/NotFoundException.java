package com.bookmarked.cdt.core.http;

/** Something the agent asked for does not exist (HTTP 404). */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String detail) {
        super("Not found", detail, 404);
    }
}

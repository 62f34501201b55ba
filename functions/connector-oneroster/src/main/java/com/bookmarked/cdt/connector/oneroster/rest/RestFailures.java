package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.http.UserFacingException;

/** Turns the client's failures into what a run shows: a title by kind and the client's own message. */
public final class RestFailures {

    private RestFailures() {
    }

    public static UserFacingException of(SisApiException e, SisName name) {
        String title = switch (e.kind()) {
            case REFUSED -> name.subject() + " refused CDT's credentials";
            case FORBIDDEN -> name.subject() + " refused access to roster data";
            case NOT_FOUND -> name.subject() + "'s OneRoster API was not found";
            case RATE_LIMITED -> name.subject() + " is limiting CDT's requests";
            case UNAVAILABLE -> name.subject() + " is not answering";
            case UNREACHABLE -> name.subject() + " cannot be reached";
            case NOT_ONEROSTER -> name.subject() + " sent data CDT cannot read";
            case REJECTED -> name.subject() + " rejected CDT's request";
        };
        return new UserFacingException(title, e.getMessage(), 502, e);
    }

    public static UserFacingException of(SettingsProblem e) {
        return new UserFacingException("The customer's SIS settings cannot be used", e.getMessage(), 422, e);
    }

    public static UserFacingException cancelled(SisName name) {
        return new UserFacingException("The run was cancelled", "The run was cancelled while CDT was reading "
                + name.object() + "; nothing was kept.", 409);
    }
}

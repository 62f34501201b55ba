package com.bookmarked.cdt.core.http;

import java.util.List;

/** The request had values that cannot be accepted (HTTP 422, with one entry per bad field). */
public class InvalidInputException extends UserFacingException {

    private final List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super("Some values are not valid", detail, 422);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(field + " " + message, List.of(new FieldError(field, message)));
    }

    /** Throws when there is anything in {@code errors}; the detail lists how many. */
    public static void throwIfAny(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? what + ": " + errors.get(0).field() + " " + errors.get(0).message()
                    : what + ": " + errors.size() + " values need fixing.";
            throw new InvalidInputException(detail, errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}

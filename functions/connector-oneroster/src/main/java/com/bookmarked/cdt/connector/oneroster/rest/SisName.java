package com.bookmarked.cdt.connector.oneroster.rest;

/**
 * How messages name the source: "the SIS" for a plain OneRoster API, "ClassLink" for ClassLink,
 * so that an agent reads "ClassLink refused the client secret (401)".
 *
 * @param subject the name at the start of a sentence ("The SIS", "ClassLink")
 * @param object the name inside a sentence ("the SIS", "ClassLink")
 */
public record SisName(String subject, String object) {

    public static final SisName SIS = new SisName("The SIS", "the SIS");

    public static SisName of(String properName) {
        return new SisName(properName, properName);
    }
}

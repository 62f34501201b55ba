package com.bookmarked.cdt.tool.studentmismatch;

/** The fields a pairing is scored on, named as findings name them. */
enum Field {
    GIVEN_NAME("givenName", "given name"),
    FAMILY_NAME("familyName", "family name"),
    BIRTH_DATE("birthDate", "birth date"),
    GRADE("grade", "grade"),
    CAMPUS("campus", "campus"),
    IDENTIFIER("identifier", "student number"),
    EMAIL("email", "email address");

    final String wireName;
    final String label;

    Field(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }
}

package com.bookmarked.cdt.core.demo;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows of the reference schema's tables (functions/connector-bookmarked/.../reference-schema.sql),
 * all columns, one table after the other in the order of the methods.
 */
interface OurTables {

    void customer(String customerKey, String name, Instant lastRosterSyncAt);

    void campus(String campusKey, String customerKey, String name, String sisOrgId);

    void student(String studentKey, String customerKey, String campusKey, String sisId, String localNumber,
                 String givenName, String familyName, String grade, LocalDate birthDate, String email, boolean active);

    void staff(String staffKey, String customerKey, String campusKey, String sisId, String givenName, String familyName,
               String email, boolean active);

    void guardian(String guardianKey, String customerKey, String sisId, String email, String givenName, String familyName);

    void guardianLink(String studentKey, String guardianKey);

    void rosterClass(String classKey, String customerKey, String campusKey, String sisId, String title);

    void classMember(String classKey, String personKey, String role, LocalDate startedOn, LocalDate endedOn);
}

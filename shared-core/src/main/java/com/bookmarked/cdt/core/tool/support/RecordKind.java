package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.roster.RoleType;

/** The kinds of record the rules look at, named as support talks about them. */
public enum RecordKind {
    STUDENT(EntityType.STUDENT, "student"),
    STAFF(EntityType.STAFF, "staff member"),
    GUARDIAN(EntityType.GUARDIAN, "guardian"),
    CLASS(EntityType.CLASS, "class");

    public final EntityType entityType;
    public final String label;

    RecordKind(EntityType entityType, String label) {
        this.entityType = entityType;
        this.label = label;
    }

    /** Rule ids use the entity type's wire name: {@code sis.student.required.identifier}. */
    public String id() {
        return entityType.wireName();
    }

    public static RecordKind of(RoleType role) {
        return switch (role) {
            case STUDENT -> STUDENT;
            case GUARDIAN -> GUARDIAN;
            case TEACHER, ADMINISTRATOR, AIDE -> STAFF;
            case OTHER -> null;
        };
    }
}

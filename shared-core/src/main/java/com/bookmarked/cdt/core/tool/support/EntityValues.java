package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values an agent needs to recognise a record, the same fields on both sides so they line up. */
public final class EntityValues {

    private EntityValues() {
    }

    public static EntityRef of(SnapshotSide side, RecordKind kind, RosterUser u) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sisId", u.sisId());
        if (kind == RecordKind.STUDENT) {
            v.put("identifier", u.identifier());
        }
        v.put("givenName", u.givenName());
        v.put("familyName", u.familyName());
        if (kind == RecordKind.STUDENT) {
            v.put("grade", u.grade());
            v.put("birthDate", u.birthDate() == null ? null : u.birthDate().toString());
        }
        v.put("email", u.email());
        if (kind != RecordKind.GUARDIAN) {
            v.put("campus", u.primaryOrg());
        }
        v.put("active", String.valueOf(u.isActive()));
        return new EntityRef(side, kind.entityType, u.sourcedId(), v);
    }

    public static EntityRef of(SnapshotSide side, RosterClass c) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sisId", c.sisId());
        v.put("title", c.title());
        v.put("campus", c.orgSourcedId());
        if (side == SnapshotSide.SIS) {
            v.put("course", c.courseSourcedId());
            v.put("terms", String.join(",", c.termSourcedIds()));
        }
        return new EntityRef(side, EntityType.CLASS, c.sourcedId(), v);
    }

    public static EntityRef of(SnapshotSide side, Enrollment e) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("class", e.classSourcedId());
        v.put("person", e.userSourcedId());
        v.put("role", e.role().name().toLowerCase(java.util.Locale.ROOT));
        v.put("campus", e.orgSourcedId());
        v.put("beginDate", e.beginDate() == null ? null : e.beginDate().toString());
        v.put("endDate", e.endDate() == null ? null : e.endDate().toString());
        return new EntityRef(side, EntityType.ENROLLMENT, e.sourcedId(), v);
    }
}

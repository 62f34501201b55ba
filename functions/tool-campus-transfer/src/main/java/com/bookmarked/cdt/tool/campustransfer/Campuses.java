package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.tool.support.RosterIndex;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Campuses on both sides and how they line up: a SIS campus is a school org (a department or
 * other org below a school counts as that school); one of our campuses stands for the SIS org in
 * its {@code sis_org_id}. A SIS org no campus of ours names is unmapped.
 */
final class Campuses {

    /** Orgs are nested a few levels at most (district, school, department); stop on loops. */
    private static final int MAX_DEPTH = 8;

    private final RosterIndex sis;
    private final RosterIndex ours;
    private final Set<String> mappedSisOrgs = new HashSet<>();
    /** SIS org id → the school it belongs to ("" when none), filled as orgs are met. */
    private final Map<String, String> schoolOfOrg = new HashMap<>();

    Campuses(RosterIndex sis, RosterIndex ours) {
        this.sis = sis;
        this.ours = ours;
        for (Org campus : ours.snapshot.orgs()) {
            if (campus.sisId() != null && !campus.sisId().isBlank()) {
                mappedSisOrgs.add(campus.sisId());
            }
        }
    }

    /** The SIS school an org is or belongs to; null for the district, unknown orgs and orgs outside any school. */
    String sisCampus(String orgId) {
        if (orgId == null) {
            return null;
        }
        String school = schoolOfOrg.get(orgId);
        if (school == null) {
            school = "";
            String at = orgId;
            for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
                Org org = sis.orgs.get(at);
                if (org == null) {
                    break;
                }
                if (org.isCampus()) {
                    school = org.sourcedId();
                    break;
                }
                at = org.parentSourcedId();
            }
            schoolOfOrg.put(orgId, school);
        }
        return school.isEmpty() ? null : school;
    }

    /** The SIS campus of an enrollment: its own org, else its class's; null when neither is a school. */
    String sisCampus(Enrollment e) {
        String campus = sisCampus(e.orgSourcedId());
        if (campus == null) {
            RosterClass c = sis.classes.get(e.classSourcedId());
            campus = c == null ? null : sisCampus(c.orgSourcedId());
        }
        return campus;
    }

    /** The first of the SIS student's orgs that is (in) a school: the primary org in OneRoster's sense. */
    String sisPrimaryCampus(RosterUser u) {
        for (String org : u.orgSourcedIds()) {
            String campus = sisCampus(org);
            if (campus != null) {
                return campus;
            }
        }
        return null;
    }

    String sisName(String sisOrg) {
        Org org = sisOrg == null ? null : sis.orgs.get(sisOrg);
        return org == null ? null : org.name();
    }

    boolean mapped(String sisOrg) {
        return mappedSisOrgs.contains(sisOrg);
    }

    /** The SIS org our campus stands for; null when the campus is unknown or names none. */
    String ourSisOrg(String campusKey) {
        Org campus = campusKey == null ? null : ours.orgs.get(campusKey);
        return campus == null || campus.sisId() == null || campus.sisId().isBlank() ? null : campus.sisId();
    }

    String ourName(String campusKey) {
        Org campus = campusKey == null ? null : ours.orgs.get(campusKey);
        return campus == null ? null : campus.name();
    }

    /** Our campus of a class membership: the row's own, else its class's. */
    String ourCampus(Enrollment membership) {
        if (membership.orgSourcedId() != null) {
            return membership.orgSourcedId();
        }
        RosterClass c = ours.classes.get(membership.classSourcedId());
        return c == null ? null : c.orgSourcedId();
    }
}

package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campuses on both sides and how they line up: a SIS campus is a school org (a department or
 * other org below a school counts as that school); one of our campuses stands for the SIS org in
 * its {@code sis_org_id}. A SIS org no campus of ours names is unmapped.
 *
 * <p>Only orgs are indexed up front (a few hundred). Classes are looked up only when an
 * enrollment lacks its own campus or dates, or for a membership already suspected stale, so their
 * maps are built on first use: a district whose enrollments carry both never pays for them. (The
 * shared {@code RosterIndex} also maps every user and groups them by SIS id on both sides; at
 * 500,000 students that alone is a few hundred MB, which the heap budget does not allow.)
 */
final class Campuses {

    /** Orgs are nested a few levels at most (district, school, department); stop on loops. */
    private static final int MAX_DEPTH = 8;

    private final RosterSnapshot sis;
    private final RosterSnapshot ours;
    private final Map<String, Org> sisOrgs;
    private final Map<String, Org> ourCampuses;
    private Map<String, RosterClass> sisClasses;
    private Map<String, RosterClass> ourClasses;
    private final Set<String> mappedSisOrgs = new HashSet<>();
    /** SIS org id → the school it belongs to ("" when none), filled as orgs are met. */
    private final Map<String, String> schoolOfOrg = new HashMap<>();

    Campuses(RosterSnapshot sis, RosterSnapshot ours) {
        this.sis = sis;
        this.ours = ours;
        this.sisOrgs = byKey(sis.orgs());
        this.ourCampuses = byKey(ours.orgs());
        for (Org campus : ours.orgs()) {
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
                Org org = sisOrgs.get(at);
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
            RosterClass c = sisClass(e.classSourcedId());
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
        Org org = sisOrg == null ? null : sisOrgs.get(sisOrg);
        return org == null ? null : org.name();
    }

    boolean mapped(String sisOrg) {
        return mappedSisOrgs.contains(sisOrg);
    }

    /** The SIS org our campus stands for; null when the campus is unknown or names none. */
    String ourSisOrg(String campusKey) {
        Org campus = campusKey == null ? null : ourCampuses.get(campusKey);
        return campus == null || campus.sisId() == null || campus.sisId().isBlank() ? null : campus.sisId();
    }

    String ourName(String campusKey) {
        Org campus = campusKey == null ? null : ourCampuses.get(campusKey);
        return campus == null ? null : campus.name();
    }

    /** Our campus of a class membership: the row's own, else its class's. */
    String ourCampus(Enrollment membership) {
        if (membership.orgSourcedId() != null) {
            return membership.orgSourcedId();
        }
        RosterClass c = ourClass(membership.classSourcedId());
        return c == null ? null : c.orgSourcedId();
    }

    RosterClass sisClass(String classId) {
        if (sisClasses == null) {
            sisClasses = classesByKey(sis);
        }
        return sisClasses.get(classId);
    }

    RosterClass ourClass(String classKey) {
        if (ourClasses == null) {
            ourClasses = classesByKey(ours);
        }
        return ourClasses.get(classKey);
    }

    private static Map<String, Org> byKey(List<Org> orgs) {
        Map<String, Org> map = HashMap.newHashMap(orgs.size());
        for (Org o : orgs) {
            map.putIfAbsent(o.sourcedId(), o);
        }
        return map;
    }

    private static Map<String, RosterClass> classesByKey(RosterSnapshot snapshot) {
        Map<String, RosterClass> map = HashMap.newHashMap(snapshot.classes().size());
        for (RosterClass c : snapshot.classes()) {
            map.putIfAbsent(c.sourcedId(), c);
        }
        return map;
    }
}

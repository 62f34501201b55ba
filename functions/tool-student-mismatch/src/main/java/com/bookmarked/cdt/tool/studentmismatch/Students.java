package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The students of one side, by position: the records themselves and, made when first needed,
 * their {@link Person} form. On our side a campus is translated to the SIS org it is mapped to,
 * so that campuses compare across sides.
 */
final class Students {

    final SnapshotSide side;
    final RosterUser[] users;
    private final Person[] persons;
    private final NameForms names;
    /** Our campus key to the SIS org id it is mapped to; empty on the SIS side. */
    private final Map<String, String> sisOrgOfCampus;

    private Students(SnapshotSide side, RosterUser[] users, NameForms names, Map<String, String> sisOrgOfCampus) {
        this.side = side;
        this.users = users;
        this.persons = new Person[users.length];
        this.names = names;
        this.sisOrgOfCampus = sisOrgOfCampus;
    }

    static Students of(RosterSnapshot snapshot, NameForms names) {
        List<RosterUser> students = new ArrayList<>(snapshot.users().size());
        for (RosterUser u : snapshot.users()) {
            if (u.role() == RoleType.STUDENT) {
                students.add(u);
            }
        }
        SnapshotSide side = snapshot.meta().side();
        Map<String, String> campuses = new HashMap<>();
        if (side == SnapshotSide.OURS) {
            for (Org o : snapshot.orgs()) {
                if (o.sisId() != null) {
                    campuses.put(o.sourcedId(), o.sisId());
                }
            }
        }
        return new Students(side, students.toArray(new RosterUser[0]), names, campuses);
    }

    int size() {
        return users.length;
    }

    RosterUser user(int i) {
        return users[i];
    }

    String key(int i) {
        return users[i].sourcedId();
    }

    NameForm given(int i) {
        return names.of(users[i].givenName());
    }

    NameForm family(int i) {
        return names.of(users[i].familyName());
    }

    Person person(int i) {
        Person p = persons[i];
        if (p == null) {
            RosterUser u = users[i];
            p = new Person(names.of(u.givenName()), names.of(u.familyName()), u.birthDate(), u.grade(), campus(u),
                    u.identifier(), u.email());
            if (u.preferredGivenName() != null && !u.preferredGivenName().equals(u.givenName())) {
                p.preferredGiven = names.of(u.preferredGivenName());
            }
            persons[i] = p;
        }
        return p;
    }

    /** The SIS org of the record's campus; on our side an unmapped campus stays ours and matches nothing. */
    private String campus(RosterUser u) {
        String org = u.primaryOrg();
        if (org == null || side == SnapshotSide.SIS) {
            return org;
        }
        String mapped = sisOrgOfCampus.get(org);
        return mapped != null ? mapped : "ours:" + org;
    }

    /** Our campus key to the SIS org it is mapped to (empty on the SIS side). */
    Map<String, String> campusMapping() {
        return sisOrgOfCampus;
    }
}

package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Our students by the SIS id they are linked to ({@code sis_id}). Most SIS ids have one student,
 * stored as itself; the rare duplicate rows share an array, in snapshot order. Only students are
 * indexed, with no list per entry, to keep the map small at half a million students.
 */
final class OurStudents {

    private final Map<String, Object> bySisId;

    OurStudents(RosterSnapshot ours) {
        bySisId = HashMap.newHashMap(ours.users().size() / 2 + 16);
        for (RosterUser u : ours.users()) {
            if (u.role() != RoleType.STUDENT || u.sisId() == null || u.sisId().isBlank()) {
                continue;
            }
            Object before = bySisId.putIfAbsent(u.sisId(), u);
            if (before instanceof RosterUser first) {
                bySisId.put(u.sisId(), new RosterUser[] {first, u});
            } else if (before instanceof RosterUser[] several) {
                RosterUser[] more = Arrays.copyOf(several, several.length + 1);
                more[several.length] = u;
                bySisId.put(u.sisId(), more);
            }
        }
    }

    /** Null when none of our students is linked; a {@link RosterUser} for one; a {@code RosterUser[]} for several. */
    Object linkedTo(String sisId) {
        return bySisId.get(sisId);
    }
}

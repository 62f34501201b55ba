package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.tool.support.UserDirectory;

/**
 * One side's snapshot and its people by key: all the detector looks up. (The full
 * {@code RosterIndex} also maps classes, courses and every record by SIS id; at 500,000 students
 * those maps cost a few hundred MB that this tool never reads.)
 */
final class RosterSide {

    final RosterSnapshot snapshot;
    private final UserDirectory people;

    RosterSide(RosterSnapshot snapshot) {
        this.snapshot = snapshot;
        this.people = new UserDirectory(snapshot);
    }

    /** The person with this key (sourcedId on the SIS side, our key on ours), or null. */
    RosterUser get(String key) {
        return people.get(key);
    }
}

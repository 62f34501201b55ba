package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lookups over one snapshot, built once per run: records by key, and by the SIS id they link to. */
public final class RosterIndex {

    public final RosterSnapshot snapshot;
    public final Map<String, Org> orgs;
    public final Map<String, RosterUser> users;
    public final Map<String, RosterClass> classes;
    public final Map<String, Course> courses;
    public final Map<String, AcademicSession> sessions;
    /** Records whose {@code sisId} is the key; on the SIS side a record links to itself. */
    public final Map<String, List<RosterUser>> usersBySisId;
    public final Map<String, List<RosterClass>> classesBySisId;

    public RosterIndex(RosterSnapshot snapshot) {
        this.snapshot = snapshot;
        orgs = byKey(snapshot.orgs(), Org::sourcedId);
        users = byKey(snapshot.users(), RosterUser::sourcedId);
        classes = byKey(snapshot.classes(), RosterClass::sourcedId);
        courses = byKey(snapshot.courses(), Course::sourcedId);
        sessions = byKey(snapshot.academicSessions(), AcademicSession::sourcedId);
        usersBySisId = groupBy(snapshot.users(), RosterUser::sisId);
        classesBySisId = groupBy(snapshot.classes(), RosterClass::sisId);
    }

    private static <T> Map<String, T> byKey(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = HashMap.newHashMap(items.size());
        for (T item : items) {
            map.putIfAbsent(key.apply(item), item);
        }
        return map;
    }

    private static <T> Map<String, List<T>> groupBy(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, List<T>> map = HashMap.newHashMap(items.size());
        for (T item : items) {
            String k = key.apply(item);
            if (k != null) {
                map.computeIfAbsent(k, x -> new ArrayList<>(1)).add(item);
            }
        }
        return map;
    }
}

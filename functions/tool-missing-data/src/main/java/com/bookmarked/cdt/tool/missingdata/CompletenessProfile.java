package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.RecordKind;
import com.bookmarked.cdt.core.tool.support.RosterIndex;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How complete each field is, per side and record kind: {@code "sis.student.email": 0.9812} is the
 * share of SIS students with an email. Fields a side never carries (our side has no usernames,
 * courses or terms) are left out rather than shown as 0.
 */
final class CompletenessProfile {

    private static final Map<RecordKind, List<Field>> SIS_FIELDS = Map.of(
            RecordKind.STUDENT, List.of(Field.IDENTIFIER, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.GRADES, Field.BIRTH_DATE,
                    Field.EMAIL, Field.USERNAME, Field.CAMPUS),
            RecordKind.STAFF, List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL, Field.USERNAME, Field.CAMPUS),
            RecordKind.GUARDIAN, List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL),
            RecordKind.CLASS, List.of(Field.TITLE, Field.CAMPUS, Field.COURSE, Field.TERMS));
    private static final Map<RecordKind, List<Field>> OUR_FIELDS = Map.of(
            RecordKind.STUDENT, List.of(Field.IDENTIFIER, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.GRADES, Field.BIRTH_DATE,
                    Field.EMAIL, Field.CAMPUS),
            RecordKind.STAFF, List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL, Field.CAMPUS),
            RecordKind.GUARDIAN, List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL),
            RecordKind.CLASS, List.of(Field.TITLE, Field.CAMPUS));

    private CompletenessProfile() {
    }

    /** Fills {@code completeness} (side.kind.field → share present) and {@code records} (side.kind → count). */
    static void compute(RosterIndex index, SnapshotSide side, Map<String, Double> completeness, Map<String, Integer> records) {
        Map<RecordKind, List<Field>> fields = side == SnapshotSide.SIS ? SIS_FIELDS : OUR_FIELDS;
        Map<RecordKind, int[]> present = new EnumMap<>(RecordKind.class);
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        for (RosterUser u : index.snapshot.users()) {
            RecordKind kind = RecordKind.of(u.role());
            if (kind == null) {
                continue;
            }
            List<Field> list = fields.get(kind);
            int[] hits = present.computeIfAbsent(kind, k -> new int[list.size()]);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).of(u) != null) {
                    hits[i]++;
                }
            }
            counts.merge(kind, 1, Integer::sum);
        }
        List<Field> classFields = fields.get(RecordKind.CLASS);
        int[] classHits = new int[classFields.size()];
        for (RosterClass c : index.snapshot.classes()) {
            for (int i = 0; i < classFields.size(); i++) {
                if (classFields.get(i).of(c) != null) {
                    classHits[i]++;
                }
            }
        }
        if (!index.snapshot.classes().isEmpty()) {
            present.put(RecordKind.CLASS, classHits);
            counts.put(RecordKind.CLASS, index.snapshot.classes().size());
        }
        String prefix = side.wireName() + ".";
        counts.forEach((kind, n) -> {
            records.put(prefix + kind.id(), n);
            List<Field> list = fields.get(kind);
            int[] hits = present.get(kind);
            for (int i = 0; i < list.size(); i++) {
                completeness.put(prefix + kind.id() + "." + list.get(i).id, Math.round(hits[i] * 10_000.0 / n) / 10_000.0);
            }
        });
    }

    static Map<String, Double> sorted(Map<String, Double> map) {
        return new TreeMap<>(map);
    }
}

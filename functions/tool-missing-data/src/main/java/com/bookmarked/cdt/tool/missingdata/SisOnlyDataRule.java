package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.List;
import java.util.Map;

/**
 * MISSING_HERE_PRESENT_IN_SIS ({@code ours.<type>.missing.<field>}): the SIS has a value and our
 * linked record is empty. Values present on both sides but different are field drift, which is
 * the Student Mismatch Resolver's to report; a campus is the Campus Transfer Validator's.
 */
final class SisOnlyDataRule {

    static final Map<RecordKind, List<Field>> COMPARED = Map.of(
            RecordKind.STUDENT, List.of(Field.IDENTIFIER, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.GRADES, Field.BIRTH_DATE, Field.EMAIL),
            RecordKind.STAFF, List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL),
            RecordKind.GUARDIAN, List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL));

    private SisOnlyDataRule() {
    }

    static void run(Analysis a) {
        List<RosterUser> users = a.sis.snapshot.users();
        for (int i = 0; i < users.size(); i++) {
            if (a.stop(i)) {
                return;
            }
            RosterUser u = users.get(i);
            RecordKind kind = RecordKind.of(u.role());
            if (kind == null || u.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            List<RosterUser> linked = a.oursLinkedTo(u, kind);
            for (RosterUser o : linked) {
                for (Field field : COMPARED.get(kind)) {
                    if (field.of(u) != null && field.of(o) == null) {
                        a.add(start(a, kind, field, u.sourcedId(), o.sourcedId())
                                .entity(EntityValues.of(SnapshotSide.SIS, kind, u))
                                .entity(EntityValues.of(SnapshotSide.OURS, kind, o)).build());
                    }
                }
            }
        }
        for (RosterClass c : a.sis.snapshot.classes()) {
            if (c.status() == RecordStatus.TOBEDELETED || Field.TITLE.of(c) == null) {
                continue;
            }
            for (RosterClass o : a.oursLinkedTo(c)) {
                if (Field.TITLE.of(o) == null) {
                    a.add(start(a, RecordKind.CLASS, Field.TITLE, c.sourcedId(), o.sourcedId())
                            .entity(EntityValues.of(SnapshotSide.SIS, c))
                            .entity(EntityValues.of(SnapshotSide.OURS, o)).build());
                }
            }
        }
    }

    private static com.bookmarked.cdt.core.finding.Finding.Builder start(Analysis a, RecordKind kind, Field field,
                                                                         String sisKey, String oursKey) {
        return a.finding(Category.MISSING_HERE_PRESENT_IN_SIS, Severity.WARNING, "ours." + kind.id() + ".missing." + field.id)
                .title("The SIS has " + article(field.label) + " " + field.label + " for " + kind.label + " " + sisKey + "; our record " + oursKey + " has none")
                .evidence("field", field.id)
                .resolution("re-sync", "Run a roster sync to copy the " + field.label + " over from the SIS. If it is still "
                        + "empty after a sync, the sync does not map this field: raise it with engineering.", null);
    }

    private static String article(String noun) {
        return "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an" : "a";
    }
}

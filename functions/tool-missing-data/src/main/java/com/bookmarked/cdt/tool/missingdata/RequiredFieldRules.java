package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.List;
import java.util.Set;

/**
 * MISSING_REQUIRED_FIELD: a SIS record (not marked for deletion) lacks a field its integration
 * requires ({@code sis.<type>.required.<field>}). Fixed in the SIS; our linked record is shown too.
 */
final class RequiredFieldRules {

    private static final Set<Field> MINOR = Set.of(Field.GRADES, Field.BIRTH_DATE, Field.USERNAME, Field.TERMS, Field.TITLE);

    private RequiredFieldRules() {
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
            for (Field field : a.integration.required(kind)) {
                if (field.of(u) == null) {
                    Finding.Builder f = start(a, kind, field, u.sourcedId());
                    f.entity(EntityValues.of(SnapshotSide.SIS, kind, u));
                    for (RosterUser o : a.oursLinkedTo(u, kind)) {
                        f.entity(EntityValues.of(SnapshotSide.OURS, kind, o));
                    }
                    a.add(f.build());
                }
            }
        }
        for (RosterClass c : a.sis.snapshot.classes()) {
            if (c.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            for (Field field : a.integration.required(RecordKind.CLASS)) {
                if (field.of(c) == null) {
                    Finding.Builder f = start(a, RecordKind.CLASS, field, c.sourcedId());
                    f.entity(EntityValues.of(SnapshotSide.SIS, c));
                    for (RosterClass o : a.oursLinkedTo(c)) {
                        f.entity(EntityValues.of(SnapshotSide.OURS, o));
                    }
                    a.add(f.build());
                }
            }
        }
    }

    private static Finding.Builder start(Analysis a, RecordKind kind, Field field, String key) {
        return a.finding(Category.MISSING_REQUIRED_FIELD, MINOR.contains(field) ? Severity.WARNING : Severity.ERROR,
                        "sis." + kind.id() + ".required." + field.id)
                .title(Analysis.capitalised(kind.label) + " " + key + " has no " + field.label + " in the SIS")
                .evidence("field", field.id)
                .evidence("integrationType", a.integration.wireName())
                .resolution("fix-in-sis", "Ask the district to fill in the " + field.label + " of this " + kind.label
                        + " in their SIS; a " + a.integration.wireName() + " integration needs it. It reaches us with the next roster sync.",
                        null);
    }
}

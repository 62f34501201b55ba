package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GUARDIAN_LINK_MISMATCH, per paired student (our student's {@code sis_id} is a SIS student): a
 * guardian the SIS links to the student that we do not ({@code link.missing-here}: the parent does
 * not see the child), one we link that the SIS does not ({@code link.extra-here}: someone sees a
 * child the district no longer gives them), and one we link whose account does not come from the
 * SIS at all ({@code link.not-from-sis}, a warning: it may have been added by hand on purpose).
 *
 * <p>The SIS side is the union of both directions OneRoster can carry a link in: the student's
 * agents and the guardian's agents. When the SIS changed the student or guardian after our last
 * sync, the mismatch is likely just not synced yet: reported as info, with both timestamps.
 */
final class GuardianLinkRule {

    private GuardianLinkRule() {
    }

    static void run(Detection d) {
        Map<String, List<String>> onlyOnGuardian = linksOnlyOnTheGuardianSide(d);
        Instant lastSync = d.ours.snapshot.meta().lastSyncAt();
        List<RosterUser> users = d.ours.snapshot.users();
        for (int k = 0; k < users.size(); k++) {
            if (d.stop(k)) {
                return;
            }
            RosterUser ourStudent = users.get(k);
            if (ourStudent.role() != RoleType.STUDENT || ourStudent.sisId() == null) {
                continue;
            }
            RosterUser sisStudent = d.sis.get(ourStudent.sisId());
            if (sisStudent == null || sisStudent.role() != RoleType.STUDENT || sisStudent.status() == RecordStatus.TOBEDELETED) {
                continue; // unpaired: the Student Mismatch Resolver's to explain
            }
            List<String> onlyOnGuardians = onlyOnGuardian.get(sisStudent.sourcedId());
            if (onlyOnGuardians == null && sameGuardians(d, sisStudent, ourStudent)) {
                continue; // the common case, checked without building sets
            }
            Set<String> sisGuardians = new LinkedHashSet<>();
            addGuardians(d, sisStudent.agentSourcedIds(), sisGuardians);
            addGuardians(d, onlyOnGuardians == null ? List.of() : onlyOnGuardians, sisGuardians);
            List<RosterUser> ourGuardians = new ArrayList<>(ourStudent.agentSourcedIds().size());
            for (String key : ourStudent.agentSourcedIds()) {
                RosterUser g = d.ours.get(key);
                if (g != null && g.role() == RoleType.GUARDIAN) {
                    ourGuardians.add(g); // a link to nothing is the Missing Data Finder's unresolved reference
                }
            }
            for (String sisGuardianId : sisGuardians) {
                if (!linkedHere(ourGuardians, sisGuardianId)) {
                    missingHere(d, sisStudent, ourStudent, d.sis.get(sisGuardianId), sisGuardians, lastSync);
                }
            }
            for (RosterUser g : ourGuardians) {
                if (g.sisId() == null) {
                    notFromSis(d, sisStudent, ourStudent, g, sisGuardians);
                } else if (!sisGuardians.contains(g.sisId())) {
                    extraHere(d, sisStudent, ourStudent, g, sisGuardians, lastSync);
                }
            }
        }
    }

    /**
     * True when our student's guardians are exactly the SIS student's (as listed on the student):
     * every SIS guardian has one of our guardian accounts here and there is no other. Lists are
     * short (one to four), so nested scans beat building sets for every student.
     */
    private static boolean sameGuardians(Detection d, RosterUser sisStudent, RosterUser ourStudent) {
        List<String> sisAgents = sisStudent.agentSourcedIds();
        List<String> ourAgents = ourStudent.agentSourcedIds();
        String[] linkedHere = new String[ourAgents.size()];
        int n = 0;
        for (String key : ourAgents) {
            RosterUser g = d.ours.get(key);
            if (g == null || g.role() != RoleType.GUARDIAN) {
                continue;
            }
            if (g.sisId() == null || !sisAgents.contains(g.sisId()) || !liveSisGuardian(d, g.sisId())) {
                return false;
            }
            linkedHere[n++] = g.sisId();
        }
        for (String id : sisAgents) {
            if (!contains(linkedHere, n, id) && liveSisGuardian(d, id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean liveSisGuardian(Detection d, String id) {
        RosterUser g = d.sis.get(id);
        return g != null && g.role() == RoleType.GUARDIAN && g.status() != RecordStatus.TOBEDELETED;
    }

    private static boolean contains(String[] items, int n, String item) {
        for (int i = 0; i < n; i++) {
            if (items[i].equals(item)) {
                return true;
            }
        }
        return false;
    }

    /** Links the SIS gives only on the guardian's row (not on the student's), by student. Empty when the SIS is consistent. */
    private static Map<String, List<String>> linksOnlyOnTheGuardianSide(Detection d) {
        Map<String, List<String>> out = new HashMap<>();
        for (RosterUser g : d.sis.snapshot.users()) {
            if (g.role() != RoleType.GUARDIAN || g.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            for (String studentId : g.agentSourcedIds()) {
                RosterUser s = d.sis.get(studentId);
                if (s != null && s.role() == RoleType.STUDENT && !s.agentSourcedIds().contains(g.sourcedId())) {
                    out.computeIfAbsent(studentId, x -> new ArrayList<>(1)).add(g.sourcedId());
                }
            }
        }
        return out;
    }

    private static void addGuardians(Detection d, List<String> ids, Set<String> into) {
        for (String id : ids) {
            if (liveSisGuardian(d, id)) {
                into.add(id);
            }
        }
    }

    private static boolean linkedHere(List<RosterUser> ourGuardians, String sisGuardianId) {
        for (RosterUser g : ourGuardians) {
            if (sisGuardianId.equals(g.sisId())) {
                return true;
            }
        }
        return false;
    }

    private static void missingHere(Detection d, RosterUser sisStudent, RosterUser ourStudent, RosterUser sisGuardian,
                                    Set<String> sisGuardians, Instant lastSync) {
        List<RosterUser> accounts = new ArrayList<>(1);
        for (int i : d.addresses.accountsOf(sisGuardian.sourcedId())) {
            accounts.add(d.account(i));
        }
        Instant changed = changedAfter(lastSync, sisStudent, sisGuardian);
        Finding.Builder f = d.finding(Category.GUARDIAN_LINK_MISMATCH, changed != null ? Severity.INFO
                        : Category.GUARDIAN_LINK_MISMATCH.severity, "link.missing-here")
                .title("The SIS links guardian " + sisGuardian.sourcedId() + " to student " + sisStudent.sourcedId()
                        + "; we do not" + (changed != null ? " yet (changed after our last sync)" : ""))
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, sisStudent))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, ourStudent))
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.GUARDIAN, sisGuardian));
        accounts.forEach(a -> f.entity(EntityValues.of(SnapshotSide.OURS, RecordKind.GUARDIAN, a)));
        evidence(d, f, sisGuardians, ourStudent, changed, lastSync);
        f.evidence("guardianAccountsHere", accounts.stream().map(RosterUser::sourcedId).toList());
        String consequence = "The parent does not see this student in the app. ";
        if (changed != null) {
            f.resolution("wait-for-sync", consequence + "The SIS changed this after our last roster sync, so the next sync "
                    + "should add the link; check again after it has run.", null);
        } else if (accounts.size() == 1) {
            f.resolution("re-sync", consequence + "Run a roster sync to add the link; if it is still missing afterwards, "
                    + "the sync is skipping it: engineering can add it with the script and look into why.",
                    new EngineerScript().link(ourStudent.sourcedId(), accounts.get(0).sourcedId()).text());
        } else if (accounts.isEmpty()) {
            f.resolution("re-sync", consequence + "This guardian has no account here yet; a roster sync creates it with the "
                    + "link. If it does not, raise it with engineering.", null);
        } else {
            f.resolution("investigate", consequence + "This SIS guardian has " + accounts.size() + " accounts here ("
                    + String.join(", ", accounts.stream().map(RosterUser::sourcedId).toList()) + "); engineering should "
                    + "merge them before linking the student, or the sync cannot tell which one to link.", null);
        }
        d.add(Category.GUARDIAN_LINK_MISMATCH, ourStudent.sourcedId() + " " + sisGuardian.sourcedId(), f.build());
    }

    private static void extraHere(Detection d, RosterUser sisStudent, RosterUser ourStudent, RosterUser ourGuardian,
                                  Set<String> sisGuardians, Instant lastSync) {
        RosterUser sisGuardian = d.sis.get(ourGuardian.sisId());
        if (sisGuardian != null && sisGuardian.role() != RoleType.GUARDIAN) {
            sisGuardian = null;
        }
        Instant changed = changedAfter(lastSync, sisStudent, sisGuardian);
        Finding.Builder f = d.finding(Category.GUARDIAN_LINK_MISMATCH, changed != null ? Severity.INFO
                        : Category.GUARDIAN_LINK_MISMATCH.severity, "link.extra-here")
                .title("We link guardian " + ourGuardian.sourcedId() + " to student " + ourStudent.sourcedId()
                        + "; the SIS does not" + (changed != null ? " any more (changed after our last sync)" : ""))
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, sisStudent))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, ourStudent))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.GUARDIAN, ourGuardian));
        if (sisGuardian != null) {
            f.entity(EntityValues.of(SnapshotSide.SIS, RecordKind.GUARDIAN, sisGuardian));
        }
        evidence(d, f, sisGuardians, ourStudent, changed, lastSync);
        String consequence = "This guardian still sees the student in the app although the district no longer links them "
                + (sisGuardian == null ? "(the SIS has no such guardian any more). " : ". ");
        if (changed != null) {
            f.resolution("wait-for-sync", consequence + "The SIS changed this after our last roster sync, so the next sync "
                    + "should remove the link; check again after it has run.", null);
        } else {
            f.resolution("remove-link", consequence + "Confirm with the district that the link should go (custody changes "
                    + "matter here), then run a roster sync; if the link stays, engineering can remove it with the script.",
                    new EngineerScript().unlink(ourStudent.sourcedId(), ourGuardian.sourcedId()).text());
        }
        d.add(Category.GUARDIAN_LINK_MISMATCH, ourStudent.sourcedId() + " " + ourGuardian.sourcedId(), f.build());
    }

    private static void notFromSis(Detection d, RosterUser sisStudent, RosterUser ourStudent, RosterUser ourGuardian,
                                   Set<String> sisGuardians) {
        Finding.Builder f = d.finding(Category.GUARDIAN_LINK_MISMATCH, Severity.WARNING, "link.not-from-sis")
                .title("Guardian " + ourGuardian.sourcedId() + " is linked to student " + ourStudent.sourcedId()
                        + " here but is not a guardian from the SIS")
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, sisStudent))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, ourStudent))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.GUARDIAN, ourGuardian));
        evidence(d, f, sisGuardians, ourStudent, null, null);
        f.resolution("confirm-with-district", "This guardian account was not created from the SIS (it has no SIS id), so "
                + "the district's records do not back the link. Ask the district whether this person should see the student; "
                + "if not, engineering can remove the link with the script.",
                new EngineerScript().unlink(ourStudent.sourcedId(), ourGuardian.sourcedId()).text());
        d.add(Category.GUARDIAN_LINK_MISMATCH, ourStudent.sourcedId() + " " + ourGuardian.sourcedId(), f.build());
    }

    private static void evidence(Detection d, Finding.Builder f, Set<String> sisGuardians, RosterUser ourStudent, Instant changed,
                                 Instant lastSync) {
        List<String> ourGuardianSisIds = new ArrayList<>();
        for (String key : ourStudent.agentSourcedIds()) {
            RosterUser g = d.ours.get(key);
            ourGuardianSisIds.add(g == null || g.sisId() == null ? key : key + " (SIS " + g.sisId() + ")");
        }
        f.evidence("sisGuardians", List.copyOf(sisGuardians))
                .evidence("ourGuardians", ourGuardianSisIds);
        if (changed != null) {
            f.evidence("changedInSisAt", changed.toString()).evidence("ourLastSyncAt", lastSync.toString());
        }
    }

    /** The latest SIS change to these records when it is after our last sync; null otherwise or when unknown. */
    private static Instant changedAfter(Instant lastSync, RosterUser... sisRecords) {
        if (lastSync == null) {
            return null;
        }
        Instant latest = null;
        for (RosterUser r : sisRecords) {
            if (r != null && r.dateLastModified() != null && r.dateLastModified().isAfter(lastSync)
                    && (latest == null || r.dateLastModified().isAfter(latest))) {
                latest = r.dateLastModified();
            }
        }
        return latest;
    }
}

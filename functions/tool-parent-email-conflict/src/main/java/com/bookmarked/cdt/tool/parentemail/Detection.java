package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the detector: both rosters indexed, our guardian accounts by address, the settings,
 * and the findings so far. Email conflicts are judged on our guardian accounts (that is where
 * sign-up fails); the SIS supplies what the district says each guardian's address is, which
 * decides whether our copy or the district's data needs correcting.
 */
final class Detection {

    private static final int CHECK_EVERY = 1 << 14;

    final RosterSide sis;
    final RosterSide ours;
    final GuardianAddresses addresses;
    final Placeholders placeholders;
    private final Set<Category> categories;
    private final Progress progress;
    private final Map<Category, List<Sorted>> findings = new EnumMap<>(Category.class);
    private boolean cancelled;

    private record Sorted(String key, Finding finding) {
    }

    Detection(RosterSide sis, RosterSide ours, GuardianAddresses addresses, Placeholders placeholders,
              Set<Category> categories, Progress progress) {
        this.sis = sis;
        this.ours = ours;
        this.addresses = addresses;
        this.placeholders = placeholders;
        this.categories = categories;
        this.progress = progress;
    }

    boolean wants(Category category) {
        return categories.contains(category);
    }

    Finding.Builder finding(Category category, String rule) {
        return finding(category, category.severity, rule);
    }

    Finding.Builder finding(Category category, Severity severity, String rule) {
        return Finding.builder(ParentEmailConflictDetector.ID, category.name(), severity).rule(rule);
    }

    /** Adds a finding; {@code sortKey} orders findings within their category, so output never depends on input order. */
    void add(Category category, String sortKey, Finding finding) {
        findings.computeIfAbsent(category, c -> new ArrayList<>()).add(new Sorted(sortKey, finding));
    }

    /** Findings by category (in the category's order), each category sorted by its keys. */
    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (List<Sorted> list : findings.values()) {
            list.sort(Comparator.comparing(Sorted::key));
            for (Sorted s : list) {
                out.add(s.finding());
            }
        }
        return out;
    }

    /** True when the run should stop; checked every few thousand records, cheaply. */
    boolean stop(int recordIndex) {
        if (!cancelled && (recordIndex & (CHECK_EVERY - 1)) == 0) {
            cancelled = progress.cancelled();
        }
        return cancelled;
    }

    boolean cancelled() {
        if (!cancelled) {
            cancelled = progress.cancelled();
        }
        return cancelled;
    }

    void phase(String name, int percent) {
        progress.report(name, percent);
    }

    RosterUser account(int i) {
        return addresses.accounts.get(i);
    }

    /** Our guardian account as an entity, with the keys of the students it is linked to. */
    EntityRef guardianEntity(int i) {
        RosterUser u = account(i);
        EntityRef base = EntityValues.of(SnapshotSide.OURS, RecordKind.GUARDIAN, u);
        Map<String, String> values = new LinkedHashMap<>(base.values());
        values.put("students", String.join(",", u.agentSourcedIds()));
        return new EntityRef(base.side(), base.type(), base.key(), values);
    }

    /** The address the SIS gives the guardian behind our account, when the account is linked to a SIS guardian. */
    String sisEmail(RosterUser ourGuardian) {
        RosterUser g = sisGuardian(ourGuardian);
        return g == null ? null : g.email();
    }

    RosterUser sisGuardian(RosterUser ourGuardian) {
        if (ourGuardian.sisId() == null) {
            return null;
        }
        RosterUser g = sis.get(ourGuardian.sisId());
        return g != null && g.role() == RoleType.GUARDIAN ? g : null;
    }

    /**
     * The address the SIS gives this guardian when it is a real one (valid, not a placeholder by list
     * or by use) and reaches another mailbox than {@code mailbox}; else null. When there is one, our
     * copy is what is wrong, and correcting it is ours to do.
     */
    String otherSisAddress(RosterUser ourGuardian, String mailbox) {
        String sisPlain = EmailAddress.plain(sisEmail(ourGuardian));
        if (sisPlain == null || EmailSyntax.check(sisPlain) != null || placeholders.listed(sisPlain)) {
            return null;
        }
        String sisMailbox = EmailAddress.mailbox(sisPlain);
        if (sisMailbox.equals(mailbox)) {
            return null;
        }
        int first = addresses.firstOf(sisMailbox);
        return first >= 0 && addresses.verdict[first] == GuardianAddresses.Verdict.FREQUENT_PLACEHOLDER ? null : sisPlain;
    }

    /** What an agent reads to tell accounts apart: the key and the name. */
    static String who(RosterUser u) {
        String name = name(u);
        return name.isEmpty() ? u.sourcedId() : u.sourcedId() + " (" + name + ")";
    }

    static String name(RosterUser u) {
        StringBuilder name = new StringBuilder();
        if (u.givenName() != null) {
            name.append(u.givenName());
        }
        if (u.familyName() != null) {
            name.append(name.isEmpty() ? "" : " ").append(u.familyName());
        }
        return name.toString();
    }

    /** One account for a finding's evidence: key, name, address here and in the SIS, and its students. */
    Map<String, Object> accountEvidence(int i) {
        RosterUser u = account(i);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("account", u.sourcedId());
        a.put("name", name(u));
        a.put("email", u.email());
        a.put("sisEmail", sisEmail(u));
        a.put("students", studentsEvidence(i));
        return a;
    }

    /** The students an account is linked to here, with their names, so an agent can tell families apart. */
    List<Map<String, String>> studentsEvidence(int i) {
        RosterUser u = account(i);
        List<Map<String, String>> students = new ArrayList<>(u.agentSourcedIds().size());
        for (String key : u.agentSourcedIds()) {
            RosterUser s = ours.get(key);
            Map<String, String> student = new LinkedHashMap<>();
            student.put("student", key);
            student.put("name", s == null ? null : name(s));
            students.add(student);
        }
        return students;
    }
}

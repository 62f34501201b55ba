package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our guardian accounts by the mailbox their address delivers to, built once per run. Each account
 * gets one verdict on its address: none, invalid, a placeholder (listed, or learned from how many
 * unrelated households use it), or usable. Only usable addresses take part in conflicts.
 *
 * <p>Compact on purpose (a district of 500,000 students has over 300,000 guardians): accounts are
 * numbered, and the accounts of one mailbox are chained through an int array instead of a list
 * per address; only mailboxes with two or more accounts are remembered separately.
 */
final class GuardianAddresses {

    enum Verdict { NONE, INVALID, LISTED_PLACEHOLDER, FREQUENT_PLACEHOLDER, USABLE }

    final List<RosterUser> accounts;
    /** Trimmed, lower-cased address, or null when the account has none. */
    final String[] plain;
    /** The mailbox a usable or frequent-placeholder address delivers to (see {@link EmailAddress#mailbox}). */
    final String[] mailbox;
    final Verdict[] verdict;
    final Map<Integer, EmailSyntax.Problem> problems = new HashMap<>();
    /** Unrelated households per learned placeholder's first account. */
    final Map<Integer, Integer> householdsOfPlaceholder = new HashMap<>();

    private final Map<String, Integer> firstByMailbox;
    private final int[] next;
    private final int[] size;
    private final List<Integer> sharedFirsts = new ArrayList<>();

    private final RosterSide sis;
    private final RosterSide ours;
    private Map<String, Integer> firstBySisId;
    private int[] nextSameSisId;

    GuardianAddresses(RosterSide sis, RosterSide ours, Placeholders placeholders, int placeholderHouseholds) {
        this.sis = sis;
        this.ours = ours;
        List<RosterUser> guardians = new ArrayList<>();
        for (RosterUser u : ours.snapshot.users()) {
            if (u.role() == RoleType.GUARDIAN) {
                guardians.add(u);
            }
        }
        accounts = guardians;
        int n = guardians.size();
        plain = new String[n];
        mailbox = new String[n];
        verdict = new Verdict[n];
        next = new int[n];
        size = new int[n];
        Arrays.fill(next, -1);
        firstByMailbox = HashMap.newHashMap(n);
        for (int i = 0; i < n; i++) {
            String p = EmailAddress.plain(guardians.get(i).email());
            plain[i] = p;
            if (p == null) {
                verdict[i] = Verdict.NONE;
                continue;
            }
            EmailSyntax.Problem problem = EmailSyntax.check(p);
            if (problem != null) {
                verdict[i] = Verdict.INVALID;
                problems.put(i, problem);
            } else if (placeholders.listed(p)) {
                verdict[i] = Verdict.LISTED_PLACEHOLDER;
            } else {
                verdict[i] = Verdict.USABLE;
                String box = EmailAddress.mailbox(p);
                mailbox[i] = box;
                Integer first = firstByMailbox.putIfAbsent(box, i);
                if (first == null) {
                    size[i] = 1;
                } else {
                    next[i] = next[first];
                    next[first] = i;
                    if (++size[first] == 2) {
                        sharedFirsts.add(first);
                    }
                }
            }
        }
        learnPlaceholders(placeholderHouseholds);
    }

    /** An address on this many unrelated households is nobody's: mark its accounts as placeholders. */
    private void learnPlaceholders(int threshold) {
        for (int first : sharedFirsts) {
            if (size[first] < threshold) {
                continue;
            }
            int households = households(first);
            if (households >= threshold) {
                householdsOfPlaceholder.put(first, households);
                for (int i = first; i >= 0; i = next[i]) {
                    verdict[i] = Verdict.FREQUENT_PLACEHOLDER;
                }
            }
        }
    }

    /**
     * Accounts sharing a student belong to one household, whether we link them to the student or
     * the SIS does (one side may lack the link or the student); counts the households among a
     * mailbox's accounts.
     */
    int households(int first) {
        int[] members = members(first);
        int[] parent = new int[members.length];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        Map<String, Integer> seenStudent = new HashMap<>();
        int households = members.length;
        for (int k = 0; k < members.length; k++) {
            for (String student : studentsOf(accounts.get(members[k]))) {
                Integer other = seenStudent.putIfAbsent(student, k);
                if (other != null) {
                    int a = root(parent, k);
                    int b = root(parent, other);
                    if (a != b) {
                        parent[a] = b;
                        households--;
                    }
                }
            }
        }
        return households;
    }

    /** The students of a guardian account by SIS id (our students without one by our key), from our links and the SIS's. */
    private Set<String> studentsOf(RosterUser ourGuardian) {
        Set<String> students = new HashSet<>();
        for (String key : ourGuardian.agentSourcedIds()) {
            RosterUser s = ours.get(key);
            students.add(s != null && s.sisId() != null ? s.sisId() : "ours:" + key);
        }
        RosterUser sisGuardian = ourGuardian.sisId() == null ? null : sis.get(ourGuardian.sisId());
        if (sisGuardian != null && sisGuardian.role() == RoleType.GUARDIAN) {
            students.addAll(sisGuardian.agentSourcedIds());
        }
        return students;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    /** Our guardian accounts linked to a SIS guardian (usually one), in snapshot order. Indexed on first use. */
    int[] accountsOf(String sisGuardianId) {
        if (firstBySisId == null) {
            firstBySisId = HashMap.newHashMap(accounts.size());
            nextSameSisId = new int[accounts.size()];
            for (int i = accounts.size() - 1; i >= 0; i--) {
                String sisId = accounts.get(i).sisId();
                if (sisId != null) {
                    Integer later = firstBySisId.put(sisId, i);
                    nextSameSisId[i] = later == null ? -1 : later;
                }
            }
        }
        Integer first = firstBySisId.get(sisGuardianId);
        if (first == null) {
            return new int[0];
        }
        int n = 0;
        for (int i = first; i >= 0; i = nextSameSisId[i]) {
            n++;
        }
        int[] out = new int[n];
        n = 0;
        for (int i = first; i >= 0; i = nextSameSisId[i]) {
            out[n++] = i;
        }
        return out;
    }

    /** The first account of the usable or learned-placeholder mailbox, or -1. */
    int firstOf(String mailboxAddress) {
        Integer first = firstByMailbox.get(mailboxAddress);
        return first == null ? -1 : first;
    }

    /** Accounts of one mailbox, in the order the snapshot lists them. */
    int[] members(int first) {
        int[] out = new int[size[first]];
        int k = 0;
        for (int i = first; i >= 0; i = next[i]) {
            out[k++] = i;
        }
        Arrays.sort(out);
        return out;
    }

    /** First accounts of mailboxes shared by two or more of our accounts. */
    List<Integer> sharedFirsts() {
        return sharedFirsts;
    }

    boolean usable(int account) {
        return verdict[account] == Verdict.USABLE;
    }
}

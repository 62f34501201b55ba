package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One mailbox, several accounts: one conflict group per mailbox, listing every account involved.
 * SHARED_EMAIL (two or more of our guardian accounts), CROSS_CUSTOMER_EMAIL (a guardian account of
 * another customer too), EMAIL_OF_STUDENT_OR_STAFF (one of our students or staff members has it).
 * Only usable addresses count: a placeholder shared by many is a placeholder, not a conflict.
 */
final class SharedAddressRules {

    private SharedAddressRules() {
    }

    static void run(Detection d) {
        if (d.wants(Category.SHARED_EMAIL)) {
            shared(d);
        }
        if (d.wants(Category.CROSS_CUSTOMER_EMAIL) && !d.cancelled()) {
            crossCustomer(d);
        }
        if (d.wants(Category.EMAIL_OF_STUDENT_OR_STAFF) && !d.cancelled()) {
            studentOrStaff(d);
        }
    }

    // ---------------------------------------------------------------- within the customer

    private static void shared(Detection d) {
        GuardianAddresses a = d.addresses;
        for (int first : a.sharedFirsts()) {
            if (!a.usable(first)) {
                continue;
            }
            int[] members = byKey(d, a.members(first));
            String mailbox = a.mailbox[first];
            int households = a.households(first);
            Finding.Builder f = d.finding(Category.SHARED_EMAIL, households == 1 ? "email.shared.same-household"
                            : "email.shared.different-households")
                    .title(members.length + " guardian accounts share one email address"
                            + (households == 1 ? " (one family)" : " (" + households + " unrelated households)"))
                    .evidence("mailbox", mailbox)
                    .evidence("spellings", spellings(d, members))
                    .evidence("households", households);
            for (int i : members) {
                f.entity(d.guardianEntity(i));
            }
            Plan plan = Plan.of(d, members, mailbox);
            f.evidence("accounts", accounts(d, members))
                    .evidence("keep", plan.keep < 0 ? null : d.account(plan.keep).sourcedId())
                    .evidence("correctFromSis", keys(d, plan.fromSis))
                    .evidence("askDistrictFor", keys(d, plan.ask));
            StringBuilder text = new StringBuilder("Only one account can sign up with an address, so the others are "
                    + "blocked (\"email already taken\"). ");
            if (plan.keep >= 0) {
                text.append("Keep the address on ").append(Detection.who(d.account(plan.keep))).append(switch (plan.sisGivesItTo) {
                    case 0 -> ". ";
                    case 1 -> ", the guardian the SIS gives it to. ";
                    default -> " (the SIS gives it to " + plan.sisGivesItTo + " of these guardians; this one has the most "
                            + "students, or comes first). ";
                });
            }
            if (!plan.ask.isEmpty()) {
                text.append("Ask the district for a separate address for ").append(names(d, plan.ask))
                        .append(" and to enter it in their SIS; the next roster sync brings it over. ");
                if (households == 1) {
                    text.append("Guardians of one family often share an address, but each needs their own to have an account. ");
                }
            }
            if (!plan.fromSis.isEmpty()) {
                text.append("Our copy is out of date for ").append(names(d, plan.fromSis))
                        .append(": the SIS has a different address; a roster sync or the script corrects it.");
            }
            f.resolution(plan.ask.isEmpty() ? "correct-ours" : "fix-in-sis", text.toString().trim(), plan.script(d));
            d.add(Category.SHARED_EMAIL, d.account(members[0]).sourcedId(), f.build());
        }
    }

    /**
     * Which account keeps the address and how each other one gets its own. An account whose SIS
     * guardian has a different, real address is corrected from the SIS (our copy is stale). Of the
     * rest, the one the SIS gives the address to keeps it (the one with most students, then the
     * lowest key, when several); the district is asked for an address for the others.
     */
    private record Plan(int keep, int sisGivesItTo, List<Integer> fromSis, List<String> sisAddresses, List<Integer> ask) {

        static Plan of(Detection d, int[] members, String mailbox) {
            List<Integer> fromSis = new ArrayList<>();
            List<String> sisAddresses = new ArrayList<>();
            List<Integer> matching = new ArrayList<>();
            List<Integer> unknown = new ArrayList<>();
            for (int i : members) {
                RosterUser u = d.account(i);
                String other = d.otherSisAddress(u, mailbox);
                if (other != null) {
                    fromSis.add(i);
                    sisAddresses.add(other);
                } else {
                    String sisPlain = EmailAddress.plain(d.sisEmail(u));
                    (sisPlain != null && EmailAddress.mailbox(sisPlain).equals(mailbox) ? matching : unknown).add(i);
                }
            }
            List<Integer> candidates = matching.isEmpty() ? unknown : matching;
            int keep = -1;
            for (int i : candidates) {
                if (keep < 0 || d.account(i).agentSourcedIds().size() > d.account(keep).agentSourcedIds().size()) {
                    keep = i; // members are in key order, so ties keep the lowest key
                }
            }
            List<Integer> ask = new ArrayList<>(matching);
            ask.addAll(unknown);
            ask.remove(Integer.valueOf(keep));
            return new Plan(keep, matching.size(), fromSis, sisAddresses, ask);
        }

        String script(Detection d) {
            EngineerScript script = new EngineerScript();
            for (int k = 0; k < fromSis.size(); k++) {
                script.setEmail(d.account(fromSis.get(k)).sourcedId(), sisAddresses.get(k));
            }
            return script.text();
        }
    }

    // ---------------------------------------------------------------- across customers

    private static void crossCustomer(Detection d) {
        GuardianAddresses a = d.addresses;
        Map<Integer, List<GuardianEmailElsewhere>> byFirst = new TreeMap<>();
        for (GuardianEmailElsewhere e : d.ours.snapshot.guardianEmailsElsewhere()) {
            String plain = EmailAddress.plain(e.email());
            if (plain == null || EmailSyntax.check(plain) != null) {
                continue;
            }
            int first = a.firstOf(EmailAddress.mailbox(plain));
            if (first >= 0 && a.usable(first)) {
                byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<Integer, List<GuardianEmailElsewhere>> group : byFirst.entrySet()) {
            int[] members = byKey(d, a.members(group.getKey()));
            List<GuardianEmailElsewhere> others = new ArrayList<>(group.getValue());
            others.sort(Comparator.comparing(GuardianEmailElsewhere::customerKey).thenComparing(GuardianEmailElsewhere::guardianKey));
            Set<String> customers = new LinkedHashSet<>();
            others.forEach(o -> customers.add(o.customerKey()));
            String customerList = String.join(", ", customers);
            Finding.Builder f = d.finding(Category.CROSS_CUSTOMER_EMAIL, "email.shared.other-customer")
                    .title((members.length == 1 ? "Guardian " + d.account(members[0]).sourcedId() + "'s address is"
                            : members.length + " guardian accounts have an address that is") + " also on a guardian account of "
                            + (customers.size() == 1 ? "customer " : "customers ") + customerList)
                    .evidence("mailbox", a.mailbox[group.getKey()])
                    .evidence("otherCustomers", List.copyOf(customers))
                    .evidence("accounts", accounts(d, members));
            for (int i : members) {
                f.entity(d.guardianEntity(i));
            }
            List<Map<String, String>> elsewhere = new ArrayList<>();
            for (GuardianEmailElsewhere o : others) {
                f.entity(EntityRef.of(SnapshotSide.OURS, EntityType.GUARDIAN, o.guardianKey(), "customer", o.customerKey(),
                        "email", o.email()));
                elsewhere.add(Map.of("customer", o.customerKey(), "account", o.guardianKey()));
            }
            f.evidence("otherAccounts", elsewhere)
                    .resolution("confirm-with-district", "Sign-up addresses are unique across all our customers, so only one "
                            + "of these accounts can sign up. Ask the district whether this parent also has children at "
                            + customerList + ". If so, it is the same parent: engineering links the accounts to one sign-in. "
                            + "If not, one of the two districts has the wrong address: ask the district to confirm the "
                            + "parent's address and correct it in their SIS.", null);
            d.add(Category.CROSS_CUSTOMER_EMAIL, d.account(members[0]).sourcedId(), f.build());
        }
    }

    // ---------------------------------------------------------------- students and staff

    private static void studentOrStaff(Detection d) {
        GuardianAddresses a = d.addresses;
        Map<Integer, List<RosterUser>> byFirst = new TreeMap<>();
        List<RosterUser> users = d.ours.snapshot.users();
        for (int k = 0; k < users.size(); k++) {
            if (d.stop(k)) {
                return;
            }
            RosterUser u = users.get(k);
            RecordKind kind = RecordKind.of(u.role());
            if (kind != RecordKind.STUDENT && kind != RecordKind.STAFF) {
                continue;
            }
            String plain = EmailAddress.plain(u.email());
            if (plain == null) {
                continue;
            }
            int first = a.firstOf(EmailAddress.mailbox(plain));
            if (first >= 0 && a.usable(first)) {
                byFirst.computeIfAbsent(first, x -> new ArrayList<>(1)).add(u);
            }
        }
        for (Map.Entry<Integer, List<RosterUser>> group : byFirst.entrySet()) {
            int[] members = byKey(d, a.members(group.getKey()));
            String mailbox = a.mailbox[group.getKey()];
            List<RosterUser> owners = new ArrayList<>(group.getValue());
            owners.sort(Comparator.comparing(RosterUser::sourcedId));
            StringBuilder ownerText = new StringBuilder();
            for (RosterUser o : owners) {
                ownerText.append(ownerText.isEmpty() ? "" : ", ").append(RecordKind.of(o.role()).label).append(' ')
                        .append(o.sourcedId());
            }
            Finding.Builder f = d.finding(Category.EMAIL_OF_STUDENT_OR_STAFF, rule(owners))
                    .title((members.length == 1 ? "Guardian " + d.account(members[0]).sourcedId() + " uses"
                            : members.length + " guardian accounts use") + " the email address of " + ownerText)
                    .evidence("mailbox", mailbox)
                    .evidence("accounts", accounts(d, members));
            for (int i : members) {
                f.entity(d.guardianEntity(i));
            }
            List<Map<String, String>> ownerEvidence = new ArrayList<>();
            for (RosterUser o : owners) {
                RecordKind kind = RecordKind.of(o.role());
                f.entity(EntityValues.of(SnapshotSide.OURS, kind, o));
                ownerEvidence.add(Map.of("type", kind.id(), "key", o.sourcedId(), "name", Detection.name(o)));
            }
            f.evidence("owners", ownerEvidence);
            EngineerScript script = new EngineerScript();
            List<Integer> ask = new ArrayList<>();
            List<Integer> fromSis = new ArrayList<>();
            for (int i : members) {
                String other = d.otherSisAddress(d.account(i), mailbox);
                if (other != null) {
                    script.setEmail(d.account(i).sourcedId(), other);
                    fromSis.add(i);
                } else {
                    ask.add(i);
                }
            }
            f.evidence("correctFromSis", keys(d, fromSis)).evidence("askDistrictFor", keys(d, ask));
            StringBuilder text = new StringBuilder("The address belongs to the " + ownerText + " and stays theirs; while the "
                    + "guardian's account has it too, the parent cannot sign up with it (it is taken), and messages meant for "
                    + "the parent reach the " + (owners.size() == 1 ? RecordKind.of(owners.get(0).role()).label : "owners")
                    + ". ");
            if (!ask.isEmpty()) {
                text.append("Ask the district for the parent's own address for ").append(names(d, ask))
                        .append(" and to enter it in their SIS; the next roster sync brings it over. ");
            }
            if (!fromSis.isEmpty()) {
                text.append("The SIS already has another address for ").append(names(d, fromSis))
                        .append(": a roster sync or the script corrects our copy.");
            }
            f.resolution(ask.isEmpty() ? "correct-ours" : "fix-in-sis", text.toString().trim(), script.text());
            d.add(Category.EMAIL_OF_STUDENT_OR_STAFF, d.account(members[0]).sourcedId(), f.build());
        }
    }

    private static String rule(List<RosterUser> owners) {
        boolean student = false;
        boolean staff = false;
        for (RosterUser o : owners) {
            if (RecordKind.of(o.role()) == RecordKind.STUDENT) {
                student = true;
            } else {
                staff = true;
            }
        }
        return student && staff ? "email.of-student-and-staff" : student ? "email.of-student" : "email.of-staff";
    }

    // ---------------------------------------------------------------- shared bits

    /** Accounts in key order, so that output does not depend on the snapshot's order. */
    private static int[] byKey(Detection d, int[] members) {
        return Arrays.stream(members).boxed().sorted(Comparator.comparing(i -> d.account(i).sourcedId()))
                .mapToInt(Integer::intValue).toArray();
    }

    private static List<Map<String, Object>> accounts(Detection d, int[] members) {
        List<Map<String, Object>> out = new ArrayList<>(members.length);
        for (int i : members) {
            out.add(d.accountEvidence(i));
        }
        return out;
    }

    private static List<String> spellings(Detection d, int[] members) {
        Set<String> out = new LinkedHashSet<>();
        for (int i : members) {
            out.add(d.account(i).email());
        }
        return List.copyOf(out);
    }

    private static List<String> keys(Detection d, List<Integer> accounts) {
        return accounts.stream().map(i -> d.account(i).sourcedId()).toList();
    }

    private static String names(Detection d, List<Integer> accounts) {
        List<String> out = new ArrayList<>(accounts.size());
        for (int i : accounts) {
            out.add(Detection.who(d.account(i)));
        }
        return String.join(", ", out);
    }
}

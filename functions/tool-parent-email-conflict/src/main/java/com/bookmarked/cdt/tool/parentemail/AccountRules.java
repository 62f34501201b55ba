package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.roster.RosterUser;

/**
 * What is wrong with one account's address on its own, one finding per account:
 * INVALID_EMAIL (it cannot be an address), PLACEHOLDER_EMAIL (it stands for "none given", by the
 * list or by how many unrelated households use it) and CASE_OR_WHITESPACE_VARIANT (our stored text
 * differs from the address only by capitals or spaces around it). An invalid or placeholder address
 * is only that: once it is replaced, its case and spaces no longer matter.
 */
final class AccountRules {

    private AccountRules() {
    }

    static void run(Detection d) {
        GuardianAddresses a = d.addresses;
        for (int i = 0; i < a.accounts.size(); i++) {
            if (d.stop(i)) {
                return;
            }
            switch (a.verdict[i]) {
                case INVALID -> {
                    if (d.wants(Category.INVALID_EMAIL)) {
                        invalid(d, i);
                    }
                }
                case LISTED_PLACEHOLDER, FREQUENT_PLACEHOLDER -> {
                    if (d.wants(Category.PLACEHOLDER_EMAIL)) {
                        placeholder(d, i);
                    }
                }
                case USABLE -> {
                    if (d.wants(Category.CASE_OR_WHITESPACE_VARIANT)) {
                        EmailAddress.Variance v = EmailAddress.variance(a.accounts.get(i).email(), a.plain[i]);
                        if (v != null) {
                            variant(d, i, v);
                        }
                    }
                }
                case NONE -> {
                    // No address: the Missing Data Finder reports guardians without one.
                }
            }
        }
    }

    private static void invalid(Detection d, int i) {
        RosterUser u = d.account(i);
        String address = EmailAddress.trim(u.email());
        EmailSyntax.Problem problem = d.addresses.problems.get(i);
        String meant = EmailSyntax.likelyMeant(address, problem);
        String sisAddress = d.otherSisAddress(u, address.toLowerCase(java.util.Locale.ROOT));
        Finding.Builder f = d.finding(Category.INVALID_EMAIL, "email.invalid." + problem.id())
                .title("The email address of guardian " + u.sourcedId() + " " + problem.describe())
                .entity(d.guardianEntity(i))
                .evidence("problem", problem.describe())
                .evidence("email", u.email())
                .evidence("sisEmail", d.sisEmail(u))
                .evidence("likelyMeant", meant)
                .evidence("students", d.studentsEvidence(i));
        if (sisAddress != null) {
            f.resolution("correct-ours", "Our copy of this guardian's address is broken, but the SIS has a valid one ("
                    + sisAddress + "). A roster sync should bring it over; if it does not, engineering can apply the script.",
                    new EngineerScript().setEmail(u.sourcedId(), sisAddress).text());
        } else {
            f.resolution("fix-in-sis", "Ask the district to correct this guardian's address in their SIS: it "
                    + problem.describe() + ", so no invitation can reach the parent and the parent cannot sign up with it."
                    + (meant == null ? "" : " It was probably meant to be " + meant + "; ask the district to confirm."), null);
        }
        d.add(Category.INVALID_EMAIL, u.sourcedId(), f.build());
    }

    private static void placeholder(Detection d, int i) {
        GuardianAddresses a = d.addresses;
        RosterUser u = d.account(i);
        boolean learned = a.verdict[i] == GuardianAddresses.Verdict.FREQUENT_PLACEHOLDER;
        Finding.Builder f = d.finding(Category.PLACEHOLDER_EMAIL, learned ? "email.placeholder.learned" : "email.placeholder.listed")
                .entity(d.guardianEntity(i))
                .evidence("email", u.email())
                .evidence("sisEmail", d.sisEmail(u))
                .evidence("students", d.studentsEvidence(i));
        if (learned) {
            int first = a.firstOf(a.mailbox[i]);
            int households = a.householdsOfPlaceholder.get(first);
            f.title("Guardian " + u.sourcedId() + " has an address that " + households
                            + " unrelated households share: a placeholder, not the parent's own")
                    .evidence("why", "used by " + households + " unrelated households (" + a.members(first).length + " accounts)")
                    .evidence("households", households)
                    .evidence("accounts", a.members(first).length);
        } else {
            f.title("Guardian " + u.sourcedId() + " has a placeholder address instead of their own")
                    .evidence("why", "the part before the @ means \"no address\"");
        }
        String sisAddress = d.otherSisAddress(u, learned ? a.mailbox[i] : a.plain[i]);
        if (sisAddress != null) {
            f.resolution("correct-ours", "The SIS has a real address for this guardian (" + sisAddress + "), ours has a "
                    + "placeholder. A roster sync should bring it over; if it does not, engineering can apply the script.",
                    new EngineerScript().setEmail(u.sourcedId(), sisAddress).text());
        } else {
            f.resolution("fix-in-sis", "Ask the district for this guardian's own email address and to enter it in their SIS. "
                    + "A placeholder reaches nobody, so the parent gets no invitation and cannot sign up; once the SIS has the "
                    + "real address, the next roster sync brings it over.", null);
        }
        d.add(Category.PLACEHOLDER_EMAIL, u.sourcedId(), f.build());
    }

    private static void variant(Detection d, int i, EmailAddress.Variance v) {
        RosterUser u = d.account(i);
        String plain = d.addresses.plain[i];
        String sisEmail = d.sisEmail(u);
        boolean sisToo = u.email().equals(sisEmail);
        Finding.Builder f = d.finding(Category.CASE_OR_WHITESPACE_VARIANT, "email.variant." + v.id)
                .title("Our copy of guardian " + u.sourcedId() + "'s address has " + v.label)
                .entity(d.guardianEntity(i))
                .evidence("email", u.email())
                .evidence("normalized", plain)
                .evidence("sisEmail", sisEmail)
                .evidence("difference", v.label)
                .evidence("students", d.studentsEvidence(i))
                .resolution("correct-ours", "The address is fine, but our copy is written with " + v.label + ", so a parent "
                        + "who types it the usual way may not be matched to this account. The script stores the plain form."
                        + (sisToo ? " The SIS has the same spelling: ask the district to correct it there too, or the next "
                        + "sync may bring it back." : ""),
                        new EngineerScript().setEmail(u.sourcedId(), plain).text());
        d.add(Category.CASE_OR_WHITESPACE_VARIANT, u.sourcedId(), f.build());
    }
}

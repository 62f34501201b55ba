package com.bookmarked.cdt.core.roster;

/** A guardian email that also belongs to a guardian account of another customer (our side only). */
public record GuardianEmailElsewhere(String email, String customerKey, String guardianKey) {
}

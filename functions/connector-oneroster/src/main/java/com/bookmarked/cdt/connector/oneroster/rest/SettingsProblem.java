package com.bookmarked.cdt.connector.oneroster.rest;

/**
 * A customer's SIS settings or secret cannot be used as they are; the message says which field
 * and what it needs, in an agent's words, and never quotes a secret.
 */
public class SettingsProblem extends Exception {

    public SettingsProblem(String message) {
        super(message, null, false, false);
    }
}

package com.bookmarked.cdt.core.secrets;

/**
 * Reads secret values for the connector that needs them, at the moment it needs them. Values
 * are never logged, stored, or returned by any API; only {@link SecretRef}s travel.
 */
public interface Secrets {

    /**
     * The secret's value.
     *
     * @throws com.bookmarked.cdt.core.http.UserFacingException when it cannot be read; the message
     *         names the reference, never a value
     */
    String reveal(SecretRef ref);
}

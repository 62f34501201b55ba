package com.bookmarked.cdt.core.snapshot.cache;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Which cached snapshot a run may use: the customer, the side, and the source as the customer's
 * settings describe it now. Changing the source in settings (another SIS location, another
 * database instance) therefore never reuses a snapshot of the old source.
 */
public record SnapshotKey(String customerId, SnapshotSide side, String source) {

    public static SnapshotKey of(Customer customer, SnapshotSide side) {
        CustomerSettings settings = customer.settings();
        String source;
        if (side == SnapshotSide.SIS) {
            CustomerSettings.Sis sis = settings.sis();
            source = sis == null ? "none" : sis.type() + "|" + sis.location() + "|" + new TreeMap<>(sis.options());
        } else {
            CustomerSettings.Ours ours = settings.ours();
            source = ours == null ? "none" : ours.instance() + "|" + ours.customerKey();
        }
        return new SnapshotKey(customer.id(), side, source);
    }

    /** A file-system- and S3-safe name: readable prefix, hashed source. */
    public String storageName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return customerId.replaceAll("[^A-Za-z0-9_-]", "_") + "/" + side.wireName() + "-"
                    + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

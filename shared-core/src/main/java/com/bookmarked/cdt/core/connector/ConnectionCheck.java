package com.bookmarked.cdt.core.connector;

import com.bookmarked.cdt.core.customer.Customer;

/**
 * A connector's "test connection": its checks in order, stopping at the first failure. Each
 * connector function has one bean of this; {@link ConnectionTestController} serves it.
 */
public interface ConnectionCheck {

    /** The connector's name in {@code /api/connectors/{connector}/test} (e.g. {@code ftp}). */
    String connector();

    ConnectionTestResult test(Customer customer);
}

package com.bookmarked.cdt.connector.bookmarked;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * One configured instance of our database ({@code cdt.bookmarked.instances.<name>.*}):
 * staging and production are two of these. The password is a secret reference, never a value.
 */
@EachProperty("cdt.bookmarked.instances")
public class BookmarkedInstance {

    private final String name;
    private String url;
    private String user;
    private String passwordRef;
    private String mapping;
    private Duration statementTimeout = Duration.ofSeconds(60);

    public BookmarkedInstance(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPasswordRef() {
        return passwordRef;
    }

    public void setPasswordRef(String passwordRef) {
        this.passwordRef = passwordRef;
    }

    /** A mapping file path; the shipped default mapping when absent. */
    @Nullable
    public String getMapping() {
        return mapping;
    }

    public void setMapping(@Nullable String mapping) {
        this.mapping = mapping;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }
}

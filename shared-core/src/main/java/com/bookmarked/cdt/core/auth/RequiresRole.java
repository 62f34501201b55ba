package com.bookmarked.cdt.core.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only users with at least one of these roles may call the route (else 403). Put it on a
 * controller method or class; the {@link AuthFilter} reads it from the matched route.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {

    String[] value();
}

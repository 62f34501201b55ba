package com.bookmarked.cdt.core.finding;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;

/**
 * What support should do about a finding.
 *
 * @param action a short verb such as {@code fix-in-sis}, {@code re-sync}, {@code relink}
 * @param script SQL for engineers against the reference schema; shown, never run by CDT
 */
@Serdeable
public record Resolution(String action, String description, @Nullable String script) {
}

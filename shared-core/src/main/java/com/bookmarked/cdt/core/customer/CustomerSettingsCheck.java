package com.bookmarked.cdt.core.customer;

import com.bookmarked.cdt.core.http.FieldError;
import com.bookmarked.cdt.core.secrets.SecretRef;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a customer's id, name and settings must look like before they are stored. Our-side
 * instances come from {@code cdt.ours.instances} (default {@code production, staging}).
 */
@Singleton
public class CustomerSettingsCheck {

    public static final List<String> SIS_TYPES = List.of("oneroster-csv", "oneroster-rest", "classlink");
    public static final int MIN_TTL_MINUTES = 1;
    public static final int MAX_TTL_MINUTES = 10_080;
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern CUSTOMER_KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,128}$");
    private static final Pattern OPTION_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]{0,63}$");
    private static final int MAX_OPTION_LENGTH = 500;
    private static final int MAX_OPTIONS = 20;

    private final List<String> instances;

    public CustomerSettingsCheck(@Value("${cdt.ours.instances:production,staging}") List<String> instances) {
        this.instances = List.copyOf(instances);
    }

    public List<String> instances() {
        return instances;
    }

    /** Every problem with the values, each naming its field; empty when all is well. */
    public List<FieldError> check(String id, String name, CustomerSettings settings) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit"));
        }
        if (blank(name)) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must have at most 200 characters"));
        }
        if (settings == null) {
            errors.add(new FieldError("settings", "is required"));
            return errors;
        }
        CustomerSettings.Sis sis = settings.sis();
        if (sis == null) {
            errors.add(new FieldError("settings.sis", "is required"));
        } else {
            if (blank(sis.type())) {
                errors.add(new FieldError("settings.sis.type", "is required (one of " + String.join(", ", SIS_TYPES) + ")"));
            } else if (!SIS_TYPES.contains(sis.type())) {
                errors.add(new FieldError("settings.sis.type", "must be one of " + String.join(", ", SIS_TYPES)));
            }
            if (blank(sis.location())) {
                errors.add(new FieldError("settings.sis.location", "is required (the URL, host or path of the SIS data)"));
            } else if (SIS_TYPES.contains(sis.type())) {
                String problem = SisLocationCheck.problem(sis.type(), sis.location());
                if (problem != null) {
                    errors.add(new FieldError("settings.sis.location", problem));
                }
            }
            if (sis.secretRef() != null && !SecretRef.isValid(sis.secretRef())) {
                errors.add(new FieldError("settings.sis.secretRef",
                        "must be a reference such as env:NAME, file:/path or aws-sm:NAME, never the secret itself"));
            }
            if (sis.options().size() > MAX_OPTIONS) {
                errors.add(new FieldError("settings.sis.options", "may hold at most " + MAX_OPTIONS + " settings"));
            }
            sis.options().forEach((option, value) -> {
                if (!OPTION_NAME.matcher(option).matches()) {
                    errors.add(new FieldError("settings.sis.options", "'" + option + "' is not a valid setting name"));
                } else if (value == null || value.length() > MAX_OPTION_LENGTH) {
                    errors.add(new FieldError("settings.sis.options." + option,
                            "must be text of at most " + MAX_OPTION_LENGTH + " characters"));
                }
            });
        }
        CustomerSettings.Ours ours = settings.ours();
        if (ours == null) {
            errors.add(new FieldError("settings.ours", "is required"));
        } else {
            if (blank(ours.instance()) || !instances.contains(ours.instance())) {
                errors.add(new FieldError("settings.ours.instance", "must be one of " + String.join(", ", instances)));
            }
            if (blank(ours.customerKey())) {
                errors.add(new FieldError("settings.ours.customerKey", "is required (the district's key in our database)"));
            } else if (!CUSTOMER_KEY.matcher(ours.customerKey()).matches()) {
                errors.add(new FieldError("settings.ours.customerKey", "must be letters, digits, '.', '_', ':' or '-' (at most 128)"));
            }
        }
        CustomerSettings.SnapshotTtl ttl = settings.snapshotTtlMinutes();
        if (ttl == null) {
            errors.add(new FieldError("settings.snapshotTtlMinutes", "is required"));
        } else {
            checkTtl("settings.snapshotTtlMinutes.sis", ttl.sis(), errors);
            checkTtl("settings.snapshotTtlMinutes.ours", ttl.ours(), errors);
        }
        CustomerSettings.Schedule schedule = settings.schedule();
        if (schedule != null) {
            if (blank(schedule.cron())) {
                errors.add(new FieldError("settings.schedule.cron", "is required when there is a schedule "
                        + "(five cron fields, e.g. 0 6 * * 1-5 for 6:00 on weekdays)"));
            } else {
                String problem = CronCheck.problem(schedule.cron());
                if (problem != null) {
                    errors.add(new FieldError("settings.schedule.cron", problem));
                }
            }
            if (blank(schedule.timezone())) {
                errors.add(new FieldError("settings.schedule.timezone", "is required when there is a schedule "
                        + "(the district's time zone, e.g. America/Chicago)"));
            } else if (!ZoneId.getAvailableZoneIds().contains(schedule.timezone())) {
                errors.add(new FieldError("settings.schedule.timezone", "must be a time zone name such as "
                        + "America/Chicago or Europe/London ('" + shorten(schedule.timezone()) + "' is not one)"));
            }
        }
        return errors;
    }

    private static void checkTtl(String field, Integer minutes, List<FieldError> errors) {
        if (minutes == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (minutes < MIN_TTL_MINUTES || minutes > MAX_TTL_MINUTES) {
            errors.add(new FieldError(field, "must be between " + MIN_TTL_MINUTES + " and " + MAX_TTL_MINUTES
                    + " minutes (one week)"));
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.SnapshotNeed;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import com.bookmarked.cdt.core.tool.support.CategoryChoice;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The Parent Email Conflict Detector: why a parent cannot sign up ("the email is already taken")
 * or gets nothing. Groups our guardian accounts by the mailbox their address reaches and reports
 * shared addresses (within the customer and across customers), addresses of a student or staff
 * member, placeholders, invalid addresses, case and whitespace variants, and guardian links that
 * disagree with the SIS. Pure: it reads only the two snapshots it is given, and no rule depends
 * on the date (so it takes no "as of" day).
 */
@Singleton
public class ParentEmailConflictDetector implements DiagnosticTool {

    public static final String ID = "parent-email-conflict";
    public static final String PARAM_CATEGORIES = "categories";
    public static final String PARAM_PLACEHOLDER_HOUSEHOLDS = "placeholderHouseholds";
    public static final String PARAM_EXTRA_PLACEHOLDERS = "extraPlaceholders";
    static final int DEFAULT_PLACEHOLDER_HOUSEHOLDS = 3;

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor(ID, "Parent Email Conflict Detector",
            "Finds why a parent cannot sign up: guardian email addresses shared by several accounts (also with other "
                    + "customers), taken from a student or staff member, placeholders, invalid or differently written "
                    + "addresses, and guardian links that disagree with the SIS. Each conflict lists every account involved "
                    + "and which one to keep or correct.",
            List.of(new SnapshotNeed(SnapshotSide.OURS, "our guardian accounts, students, staff and guardian links"),
                    new SnapshotNeed(SnapshotSide.SIS, "the district's guardian addresses and links, to tell whose data is wrong")),
            schema(),
            Arrays.stream(Category.values()).map(Enum::name).toList());

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress) {
        Set<Category> categories = categories(parameters.values().get(PARAM_CATEGORIES));
        int households = placeholderHouseholds(parameters);
        Placeholders placeholders = Placeholders.withExtra(parameters.string(PARAM_EXTRA_PLACEHOLDERS, null));
        var sisSnapshot = snapshots.sis();
        var oursSnapshot = snapshots.ours();

        progress.report("Indexing the rosters", 0);
        RosterSide sis = new RosterSide(sisSnapshot);
        RosterSide ours = new RosterSide(oursSnapshot);
        progress.report("Reading guardian addresses", 20);
        GuardianAddresses addresses = new GuardianAddresses(sis, ours, placeholders, households);
        Detection d = new Detection(sis, ours, addresses, placeholders, categories, progress);

        step(d, EnumSet.of(Category.INVALID_EMAIL, Category.PLACEHOLDER_EMAIL, Category.CASE_OR_WHITESPACE_VARIANT),
                "Checking each address", 35, AccountRules::run);
        step(d, EnumSet.of(Category.SHARED_EMAIL, Category.CROSS_CUSTOMER_EMAIL, Category.EMAIL_OF_STUDENT_OR_STAFF),
                "Looking for addresses used by several accounts", 50, SharedAddressRules::run);
        step(d, EnumSet.of(Category.GUARDIAN_LINK_MISMATCH), "Comparing guardian links with the SIS", 70, GuardianLinkRule::run);

        List<Finding> findings = d.findings();
        Map<String, Object> profile = new LinkedHashMap<>();
        if (d.cancelled()) {
            profile.put("cancelled", true);
        }
        profile.put("placeholderHouseholds", households);
        profile.put("placeholderLocalParts", placeholders.localParts());
        profile.put("addresses", addressCounts(addresses));
        Map<String, Integer> learned = new TreeMap<>();
        addresses.householdsOfPlaceholder.forEach((first, count) -> learned.put(addresses.mailbox[first], count));
        profile.put("learnedPlaceholders", learned);
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : findings) {
            byRule.merge(f.rule(), 1, Integer::sum);
        }
        profile.put("findingsByRule", byRule);
        progress.report("Done", 100);
        return new ToolResult(findings, profile);
    }

    private static void step(Detection d, Set<Category> covers, String phase, int percent, Consumer<Detection> rule) {
        if (covers.stream().anyMatch(d::wants) && !d.cancelled()) {
            d.phase(phase, percent);
            rule.accept(d);
        }
    }

    /** How many of our guardian accounts have no address, an invalid one, a placeholder, or a usable one. */
    private static Map<String, Integer> addressCounts(GuardianAddresses a) {
        Map<GuardianAddresses.Verdict, Integer> counts = new EnumMap<>(GuardianAddresses.Verdict.class);
        for (GuardianAddresses.Verdict v : a.verdict) {
            counts.merge(v, 1, Integer::sum);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("guardianAccounts", a.accounts.size());
        out.put("none", counts.getOrDefault(GuardianAddresses.Verdict.NONE, 0));
        out.put("invalid", counts.getOrDefault(GuardianAddresses.Verdict.INVALID, 0));
        out.put("listedPlaceholder", counts.getOrDefault(GuardianAddresses.Verdict.LISTED_PLACEHOLDER, 0));
        out.put("learnedPlaceholder", counts.getOrDefault(GuardianAddresses.Verdict.FREQUENT_PLACEHOLDER, 0));
        out.put("usable", counts.getOrDefault(GuardianAddresses.Verdict.USABLE, 0));
        return out;
    }

    static int placeholderHouseholds(ToolParameters parameters) {
        double value = parameters.number(PARAM_PLACEHOLDER_HOUSEHOLDS, DEFAULT_PLACEHOLDER_HOUSEHOLDS);
        if (value != Math.rint(value) || value < 2) {
            throw new IllegalArgumentException("The placeholder threshold (" + PARAM_PLACEHOLDER_HOUSEHOLDS
                    + ") is a whole number of households, at least 2; " + value + " was given.");
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** The categories to report: all when the parameter is absent; a list or a comma-separated string otherwise. */
    static Set<Category> categories(Object value) {
        return CategoryChoice.parse(value, Category.class, Category::parse);
    }

    private static Map<String, Object> schema() {
        Map<String, Object> categories = CategoryChoice.schemaProperty(Category.values());

        Map<String, Object> households = new LinkedHashMap<>();
        households.put("type", "integer");
        households.put("title", "Placeholder threshold (households)");
        households.put("description", "An address used by this many unrelated households (accounts that share no student) "
                + "is treated as a placeholder, not as a shared address.");
        households.put("minimum", 2);
        households.put("maximum", 100_000);
        households.put("default", DEFAULT_PLACEHOLDER_HOUSEHOLDS);

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("type", "string");
        extra.put("title", "More placeholder words");
        extra.put("description", "The part before the @ of this district's own placeholder addresses, comma-separated "
                + "(e.g. \"noparent, nothing\"); added to the built-in list (" + String.join(", ", Placeholders.DEFAULT_LOCAL_PARTS)
                + ").");
        extra.put("maxLength", 500);
        extra.put("pattern", "^[^@]*$");

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PARAM_CATEGORIES, categories);
        properties.put(PARAM_PLACEHOLDER_HOUSEHOLDS, households);
        properties.put(PARAM_EXTRA_PLACEHOLDERS, extra);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }
}

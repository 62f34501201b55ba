package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
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

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Campus Transfer Validator: works out each student's campus in the SIS on a given day (from
 * the enrollments running that day, dated by their classes' terms when they carry no dates, else
 * the student's primary org) and compares it with ours (our student's campus and open class
 * memberships). Reports moves we have not followed, memberships left open at the old campus, two
 * campuses at once, moves into schools we have not mapped, and changes newer than our last sync
 * (info only). Pure: it reads only the two snapshots it is given.
 *
 * <p>Students pair across sides by SIS id only (our {@code sis_id} = the SIS sourcedId); students
 * without a pair are the Student Mismatch Resolver's. Students the SIS has disabled or marked
 * for deletion are left out: they have no current campus to compare.
 */
@Singleton
public class CampusTransferValidator implements DiagnosticTool {

    public static final String ID = "campus-transfer";
    public static final String PARAM_AS_OF = "asOf";
    public static final String PARAM_CATEGORIES = "categories";

    private static final int CHECK_EVERY = 1 << 12;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor(ID, "Campus Transfer Validator",
            "Compares each student's current campus in the SIS (from the enrollments running today and the term dates) "
                    + "with ours: moves we have not followed, classes left open at the old campus, two campuses at once, "
                    + "moves into schools we have not mapped, and changes that are simply newer than our last sync.",
            List.of(new SnapshotNeed(SnapshotSide.SIS, "the district's roster, for each student's enrollments and term dates"),
                    new SnapshotNeed(SnapshotSide.OURS, "our copy, for each student's campus, class memberships and last sync")),
            schema(),
            Arrays.stream(Category.values()).map(Enum::name).toList());

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress) {
        RosterSnapshot sisSnapshot = snapshots.sis();
        RosterSnapshot oursSnapshot = snapshots.ours();
        LocalDate asOf = asOf(parameters.values().get(PARAM_AS_OF), sisSnapshot);
        Set<Category> categories = categories(parameters.values().get(PARAM_CATEGORIES));

        progress.report("Pairing students by SIS id", 0);
        OurStudents ours = new OurStudents(oursSnapshot);
        progress.report("Grouping enrollments by student", 20);
        StudentComparison comparison = new StudentComparison(sisSnapshot, oursSnapshot, asOf, categories);

        progress.report("Comparing campuses", 45);
        List<Finding> findings = new ArrayList<>();
        List<RosterUser> users = sisSnapshot.users();
        int compared = 0;
        int withoutPair = 0;
        boolean cancelled = false;
        for (int i = 0, n = users.size(); i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0 && i > 0) {
                if (progress.cancelled()) {
                    cancelled = true;
                    break;
                }
                progress.report("Comparing campuses", 45 + (int) (50L * i / n));
            }
            RosterUser u = users.get(i);
            if (u.role() != RoleType.STUDENT || !u.isActive()) {
                continue;
            }
            Object linked = ours.linkedTo(u.sourcedId());
            if (linked == null) {
                withoutPair++;
                continue;
            }
            compared++;
            if (linked instanceof RosterUser o) {
                comparison.compare(u, o, findings);
            } else {
                for (RosterUser o : (RosterUser[]) linked) {
                    comparison.compare(u, o, findings);
                }
            }
        }
        // Category order, then SIS order within a category (the sort is stable).
        findings.sort(Comparator.comparing(f -> Category.valueOf(f.category())));

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("asOf", asOf.toString());
        // Profiles hold no nulls: an unknown sync time is said in words.
        profile.put("lastSyncAt", oursSnapshot.meta().lastSyncAt() == null ? "unknown"
                : oursSnapshot.meta().lastSyncAt().toString());
        profile.put("studentsCompared", compared);
        profile.put("studentsWithoutPair", withoutPair);
        Map<String, Integer> byCategory = new TreeMap<>();
        findings.forEach(f -> byCategory.merge(f.category(), 1, Integer::sum));
        profile.put("findingsByCategory", byCategory);
        if (cancelled) {
            profile.put("cancelled", true);
        }
        progress.report("Done", 100);
        return new ToolResult(findings, profile);
    }

    /** The day to judge on: the parameter (YYYY-MM-DD), else the day the SIS snapshot was taken (UTC). */
    static LocalDate asOf(Object value, RosterSnapshot sisSnapshot) {
        if (value == null || value.toString().isBlank()) {
            return sisSnapshot.meta().asOfDate();
        }
        try {
            return LocalDate.parse(value.toString().trim(), DAY);
        } catch (DateTimeException e) {
            // The schema checks the shape at the edge; a day like 2026-02-30 only fails here, and the run says why.
            throw new UserFacingException("The date \"" + value + "\" is not a real day written as YYYY-MM-DD, "
                    + "for example 2026-11-16.");
        }
    }

    /** The categories to report: all when the parameter is absent; a list or a comma-separated string otherwise. */
    static Set<Category> categories(Object value) {
        return CategoryChoice.parse(value, Category.class, Category::parse);
    }

    private static Map<String, Object> schema() {
        Map<String, Object> asOf = new LinkedHashMap<>();
        asOf.put("type", "string");
        asOf.put("format", "date");
        asOf.put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
        asOf.put("title", "As of");
        asOf.put("description", "The day to check, as YYYY-MM-DD; the day the SIS roster was fetched when left out.");

        Map<String, Object> categories = CategoryChoice.schemaProperty(Category.values());

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PARAM_AS_OF, asOf);
        properties.put(PARAM_CATEGORIES, categories);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }
}

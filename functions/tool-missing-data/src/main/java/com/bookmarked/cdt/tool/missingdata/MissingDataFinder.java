package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.SnapshotNeed;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import com.bookmarked.cdt.core.tool.support.RosterIndex;
import com.bookmarked.cdt.core.tool.support.CategoryChoice;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Missing Data Finder: required fields the integration needs but the SIS leaves empty,
 * references that point at nothing, classes without a teacher, students in no class, and data the
 * SIS has that our side lacks; plus a per-field completeness profile of both sides. Pure: it reads
 * only the two snapshots it is given. "Today" is the day the SIS snapshot was taken.
 */
@Singleton
public class MissingDataFinder implements DiagnosticTool {

    public static final String ID = "missing-data";
    public static final String PARAM_INTEGRATION_TYPE = "integrationType";
    public static final String PARAM_CATEGORIES = "categories";

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor(ID, "Missing Data Finder",
            "Finds required roster data the SIS leaves empty, references to records that do not exist, classes without "
                    + "a teacher, students in no class, and data the SIS has that we lack; profiles how complete each field is.",
            List.of(new SnapshotNeed(SnapshotSide.SIS, "the district's roster, to check what it sends us"),
                    new SnapshotNeed(SnapshotSide.OURS, "our copy of the roster, to see what did not arrive")),
            schema(),
            Arrays.stream(Category.values()).map(Enum::name).toList());

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress) {
        IntegrationType integration = IntegrationType.parse(parameters.string(PARAM_INTEGRATION_TYPE,
                IntegrationType.DEFAULT.wireName()));
        Set<Category> categories = categories(parameters.values().get(PARAM_CATEGORIES));
        RosterSnapshot sisSnapshot = snapshots.sis();
        RosterSnapshot oursSnapshot = snapshots.ours();

        progress.report("Indexing the rosters", 0);
        RosterIndex sis = new RosterIndex(sisSnapshot);
        RosterIndex ours = new RosterIndex(oursSnapshot);
        LocalDate asOf = sisSnapshot.meta().asOfDate();
        Analysis a = new Analysis(sis, ours, asOf, integration, categories, progress);

        step(a, Category.MISSING_REQUIRED_FIELD, "Checking required fields", 15, RequiredFieldRules::run);
        step(a, Category.UNRESOLVED_REFERENCE, "Checking references", 30, ReferenceRules::run);
        step(a, Category.CLASS_WITHOUT_TEACHER, "Checking classes for teachers", 50, ClassTeacherRule::run);
        step(a, Category.STUDENT_WITHOUT_ENROLLMENT, "Checking students for classes", 60, EnrollmentRule::run);
        step(a, Category.MISSING_HERE_PRESENT_IN_SIS, "Comparing our data with the SIS", 70, SisOnlyDataRule::run);

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("integrationType", integration.wireName());
        profile.put("asOf", asOf.toString());
        if (a.cancelled()) {
            profile.put("cancelled", true);
        } else {
            progress.report("Profiling field completeness", 85);
            Map<String, Double> completeness = new TreeMap<>();
            Map<String, Integer> records = new TreeMap<>();
            CompletenessProfile.compute(sis, SnapshotSide.SIS, completeness, records);
            CompletenessProfile.compute(ours, SnapshotSide.OURS, completeness, records);
            profile.put("completeness", completeness);
            profile.put("records", records);
        }
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : a.findings) {
            byRule.merge(f.rule(), 1, Integer::sum);
        }
        profile.put("findingsByRule", byRule);
        progress.report("Done", 100);
        return new ToolResult(a.findings, profile);
    }

    private static void step(Analysis a, Category category, String phase, int percent, java.util.function.Consumer<Analysis> rule) {
        if (a.wants(category) && !a.cancelled()) {
            a.phase(phase, percent);
            rule.accept(a);
        }
    }

    /** The categories to report: all when the parameter is absent; a list or a comma-separated string otherwise. */
    static Set<Category> categories(Object value) {
        return CategoryChoice.parse(value, Category.class, Category::parse);
    }

    private static Map<String, Object> schema() {
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("type", "string");
        integration.put("title", "Integration type");
        integration.put("description", "How the district's roster reaches us; decides which fields are required.");
        integration.put("enum", Arrays.stream(IntegrationType.values()).map(IntegrationType::wireName).toList());
        integration.put("default", IntegrationType.DEFAULT.wireName());

        Map<String, Object> categories = CategoryChoice.schemaProperty(Category.values());

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PARAM_INTEGRATION_TYPE, integration);
        properties.put(PARAM_CATEGORIES, categories);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }
}

package com.bookmarked.cdt.core.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the demo district: a deterministic, synthetic school district with problems of every
 * category of every tool planted at known places (see docs/demo-district.md). The same spec gives
 * the same district on any machine: one {@link SplittableRandom} drives every choice, there is no
 * wall clock, and no output depends on hash order.
 */
public final class DemoDistrictGenerator {

    public static final String CUSTOMER_KEY = "demo";
    public static final String CUSTOMER_NAME = "Demo Unified School District";
    public static final String OTHER_CUSTOMER_KEY = "other";
    public static final String OTHER_CUSTOMER_NAME = "Neighbouring Demo District";
    public static final String DISTRICT_ORG_ID = "org-district";
    /** "Today" in the demo district. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 16);
    /** When our side last synced from the SIS: the night before {@link #AS_OF}. */
    public static final Instant LAST_SYNC_AT = Instant.parse("2026-11-15T06:00:00Z");
    /** When both snapshots were taken. */
    public static final Instant FETCHED_AT = Instant.parse("2026-11-16T14:00:00Z");
    public static final String OURS_SOURCE = "bookmarked:demo";

    /** Every category of every tool; the demo district plants at least one of each. */
    public static final Map<String, List<String>> CATEGORIES_BY_TOOL = Map.of(
            "student-mismatch", List.of("MISSING_IN_OURS", "ORPHANED_IN_OURS", "REKEYED", "DUPLICATE_IN_OURS",
                    "DUPLICATE_IN_SIS", "STATUS_MISMATCH", "FIELD_DRIFT"),
            "missing-data", List.of("MISSING_REQUIRED_FIELD", "UNRESOLVED_REFERENCE", "CLASS_WITHOUT_TEACHER",
                    "STUDENT_WITHOUT_ENROLLMENT", "MISSING_HERE_PRESENT_IN_SIS"),
            "parent-email-conflict", List.of("SHARED_EMAIL", "CROSS_CUSTOMER_EMAIL", "EMAIL_OF_STUDENT_OR_STAFF",
                    "PLACEHOLDER_EMAIL", "INVALID_EMAIL", "CASE_OR_WHITESPACE_VARIANT", "GUARDIAN_LINK_MISMATCH"),
            "campus-transfer", List.of("CAMPUS_MISMATCH", "STALE_ENROLLMENT_AT_OLD_CAMPUS", "CONCURRENT_CAMPUSES",
                    "UNMAPPED_CAMPUS", "PENDING_SYNC"));

    public DemoDistrict generate(DemoSpec spec) {
        DistrictModel model = model(spec);
        return new DemoDistrict(spec, new SisRoster(model).snapshot(), oursSnapshot(model), truth(model));
    }

    static DistrictModel model(DemoSpec spec) {
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        DistrictModel model = new DistrictModel(spec);
        DistrictBuilder base = new DistrictBuilder(model, rnd.split());
        base.build();
        new Planting(model, base, rnd.split()).plantAll();
        return model;
    }

    static TruthManifest truth(DistrictModel model) {
        return new TruthManifest(model.spec.seed(), model.spec.students(), AS_OF, LAST_SYNC_AT, model.problems);
    }

    static com.bookmarked.cdt.core.snapshot.RosterSnapshot oursSnapshot(DistrictModel model) {
        OurSnapshotAssembler assembler = new OurSnapshotAssembler(CUSTOMER_KEY, OURS_SOURCE, FETCHED_AT);
        MappingInMemory mapping = new MappingInMemory(CUSTOMER_KEY, assembler);
        new OurRoster(model).emit(mapping);
        mapping.finish();
        return assembler.build();
    }
}

package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.SnapshotNeed;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool and a snapshot provider for the admin API's tests: {@code count} findings, categories
 * alternating MISSING/DRIFT, one in three an error. Only with {@code cdt.test.sample-tool=true}.
 */
@Factory
@Requires(property = "cdt.test.sample-tool", value = "true")
class SampleTool {

    static final String ID = "sample-check";

    @Singleton
    DiagnosticTool tool() {
        return new DiagnosticTool() {
            @Override
            public ToolDescriptor descriptor() {
                return new ToolDescriptor(ID, "Sample check", "Finds what the test asks for.",
                        List.of(new SnapshotNeed(SnapshotSide.SIS, "students in the SIS")),
                        Map.of("type", "object", "properties",
                                Map.of("count", Map.of("type", "integer", "minimum", 0, "maximum", 5000))),
                        List.of("MISSING", "DRIFT"));
            }

            @Override
            public ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress) {
                snapshots.sis();
                int n = (int) parameters.number("count", 3);
                List<Finding> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(Finding.builder(ID, i % 2 == 0 ? "MISSING" : "DRIFT", i % 3 == 0 ? Severity.ERROR : Severity.INFO)
                            .title("Student " + i + ", grade differs")
                            .rule("sample." + i % 2)
                            .entity(EntityRef.of(SnapshotSide.SIS, EntityType.STUDENT, "sis-" + i, "grade", "05"))
                            .entity(EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "ours-" + i, "grade", "06"))
                            .resolution("re-sync", "Re-sync the student", null)
                            .build());
                }
                return new ToolResult(out, Map.of());
            }
        };
    }

    @Singleton
    SnapshotProvider snapshots() {
        return (Customer customer, SnapshotSide side, Progress progress) ->
                RosterSnapshot.builder(new SnapshotMeta(customer.id(), side, "sample", Instant.now(), null)).build();
    }
}

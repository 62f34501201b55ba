package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.tool.DiagnosticTool;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the JDK 25 trap where annotation processors are silently skipped: the catalogue and the
 * run service find tools as beans, so the detector must be one.
 */
class BeanDiscoveryTest {

    @Test
    void theDetectorIsASingletonDiagnosticToolBean() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBeansOfType(DiagnosticTool.class))
                    .anySatisfy(tool -> assertThat(tool.descriptor().id()).isEqualTo("parent-email-conflict"));
            assertThat(context.getBean(ParentEmailConflictDetector.class)).isSameAs(context.getBean(ParentEmailConflictDetector.class));
        }
    }
}

package com.bookmarked.cdt.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guards the dependency rule of DESIGN.md: tools are pure functions of snapshots (no I/O, no
 * stores, no connectors); the roster/snapshot/finding/tool core knows nothing of runs, HTTP or
 * databases; connectors know nothing of tools; only the local gateway knows every module.
 * The gateway's test classpath holds every module, which is why this test lives here.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.bookmarked.cdt");
    }

    @Test
    void toolsDoNoIo() {
        noClasses().that().resideInAPackage("com.bookmarked.cdt.tool..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "java.net..", "java.nio.file..",
                        "io.micronaut.http..", "io.micronaut.data..",
                        "com.bookmarked.cdt.connector..", "com.bookmarked.cdt.core.store..",
                        "com.bookmarked.cdt.core.run..", "com.bookmarked.cdt.core.secrets..",
                        "com.bookmarked.cdt.local..")
                .check(classes);
    }

    @Test
    void theModelKnowsNothingOfRunsHttpOrDatabases() {
        noClasses().that().resideInAnyPackage("com.bookmarked.cdt.core.roster..", "com.bookmarked.cdt.core.snapshot..",
                        "com.bookmarked.cdt.core.finding..", "com.bookmarked.cdt.core.tool..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "io.micronaut.http..", "io.micronaut.data..",
                        "com.bookmarked.cdt.core.store..", "com.bookmarked.cdt.core.run..",
                        "com.bookmarked.cdt.core.http..", "com.bookmarked.cdt.core.auth..",
                        "com.bookmarked.cdt.connector..", "com.bookmarked.cdt.tool..")
                .check(classes);
    }

    @Test
    void connectorsDoNotKnowTools() {
        noClasses().that().resideInAPackage("com.bookmarked.cdt.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("com.bookmarked.cdt.tool..", "com.bookmarked.cdt.local..")
                .check(classes);
    }

    @Test
    void onlyTheLocalGatewayKnowsTheLocalGateway() {
        noClasses().that().resideOutsideOfPackage("com.bookmarked.cdt.local..")
                .should().dependOnClassesThat().resideInAPackage("com.bookmarked.cdt.local..")
                .check(classes);
    }
}

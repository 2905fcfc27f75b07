package dev.llmq.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core free of platform SDKs and of the app's frameworks. */
class ArchitectureTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.llmq.core");

    @Test
    void coreImportsNoPlatformSdk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "net.dv8tion..", "com.slack..", "okhttp3..", "org.java_websocket..")
                .because("bot-core is platform-neutral; adapters translate platform events")
                .check(core);
    }

    @Test
    void coreImportsNoAppFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "picocli..", "ch.qos.logback..", "dev.llmq.app..", "dev.llmq.discord..", "dev.llmq.slack..")
                .because("wiring, CLI and logging backends live in bot-app")
                .check(core);
    }

    @Test
    void coreCarriesNoDatabaseCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..", "com.zaxxer..", "org.flywaydb..",
                        "dev.llmq.store..")
                .because("the core has a store port; its JDBC implementation lives in store-jdbc")
                .check(core);
    }

    @Test
    void theRuleSeesTheCoreClasses() {
        org.junit.jupiter.api.Assertions.assertTrue(core.size() > 20, "imported " + core.size() + " classes");
    }
}

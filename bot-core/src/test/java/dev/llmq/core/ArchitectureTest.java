package dev.llmq.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The core's shape (docs/architecture.md): a domain (bank, schedule, i18n, config) that knows
 * nothing of the rest, ports (port, port.in, port.out) that know only the domain, and the
 * application (quiz, daily) that uses both. No package cycles. No platform SDK, no JDBC, none of
 * the app's frameworks. The classes are imported once for all rules ({@link AnalyzeClasses}).
 */
@AnalyzeClasses(packages = "dev.llmq.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] DOMAIN_PACKAGES = {"dev.llmq.core.bank..", "dev.llmq.core.schedule..", "dev.llmq.core.i18n..",
        "dev.llmq.core.config..", "dev.llmq.core.fsrs.."};

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN_PACKAGES)
            .layer("Ports").definedBy("dev.llmq.core.port..")
            .layer("Application").definedBy("dev.llmq.core.quiz..", "dev.llmq.core.daily..", "dev.llmq.core.study..",
                    "dev.llmq.core.stats..", "dev.llmq.core.settings..")
            .whereLayer("Application").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Application")
            .because("the domain knows no port and no use case; the ports know no use case");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("dev.llmq.core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule THE_BANK_DOES_NOT_KNOW_ITS_LOADER = noClasses().that().resideInAPackage("dev.llmq.core.bank")
            .should().dependOnClassesThat().resideInAPackage("dev.llmq.core.bank.load..")
            .because("the loader builds the bank's types; the bank never calls back into it");

    @ArchTest
    static final ArchRule THE_LOADER_USES_ONLY_THE_BANK_I18N_AND_SNAKEYAML = classes()
            .that().resideInAPackage("dev.llmq.core.bank.load..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.llmq.core.bank..", "dev.llmq.core.i18n..", "java..", "org.yaml.snakeyaml..");

    @ArchTest
    static final ArchRule NO_PLATFORM_SDK = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "net.dv8tion..", "com.slack..", "okhttp3..", "org.java_websocket..")
            .because("bot-core is platform-neutral; adapters translate platform events");

    @ArchTest
    static final ArchRule NO_APP_FRAMEWORK = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "picocli..", "ch.qos.logback..", "dev.llmq.app..", "dev.llmq.discord..", "dev.llmq.slack..")
            .because("wiring, CLI and logging backends live in bot-app");

    @ArchTest
    static final ArchRule NO_DATABASE_CODE = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..", "com.zaxxer..", "org.flywaydb..",
                    "dev.llmq.store..")
            .because("the core has store ports; their JDBC implementation lives in store-jdbc");

    @ArchTest
    static void theRulesSeeTheCoreClasses(JavaClasses core) {
        assertTrue(core.size() > 60, "imported " + core.size() + " classes");
        assertTrue(core.containPackage("dev.llmq.core.port.in") && core.containPackage("dev.llmq.core.quiz"));
    }

    /** Each rule can fail: planted violations among this module's test fixtures are caught. */
    @Test
    void plantedViolationsAreCaught() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.llmq.core.planted");
        assertTrue(planted.size() >= 3, "planted classes: " + planted.size());
        ArchRule cycles = slices().matching("dev.llmq.core.planted.(*)..").should().beFreeOfCycles();
        assertTrue(cycles.evaluate(planted).hasViolation(), "a cycle between planted.a and planted.b");
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("dev.llmq.core.planted.domain..")
                .layer("Application").definedBy("dev.llmq.core.planted.a..")
                .whereLayer("Application").mayNotBeAccessedByAnyLayer();
        assertTrue(layers.evaluate(planted).hasViolation(), "the planted domain class uses the application");
        assertFalse(NO_PLATFORM_SDK.evaluate(planted).hasViolation(), "the planted classes use no SDK");
    }
}

package dev.llmq.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The modules' shape (docs/architecture.md): adapters around one core, wired in bot-app. An adapter
 * imports no other adapter and not store-jdbc; platform adapters see the core's ports and domain,
 * never its use cases; bot-app wires platforms through {@code ChatPlatform} and touches no JDA or
 * Slack type. Every main class of every module is imported once for all rules.
 */
@AnalyzeClasses(packages = "dev.llmq", importOptions = SystemArchitectureTest.MainCodeOnly.class)
class SystemArchitectureTest {
    /** Main classes only: not this module's test classes, nor the other modules' test jars on its classpath. */
    static final class MainCodeOnly implements ImportOption {
        private final ImportOption notTestClasses = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return notTestClasses.includes(location) && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule APP_TOUCHES_NO_PLATFORM_SDK = noClasses().that().resideInAPackage("dev.llmq.app..")
            .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..")
            .because("bot-app wires platforms through the ChatPlatform port; their SDKs stay in their adapters");

    @ArchTest
    static final ArchRule DISCORD_IS_ALONE = noClasses().that().resideInAPackage("dev.llmq.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.llmq.slack..", "dev.llmq.store..", "dev.llmq.app..");

    @ArchTest
    static final ArchRule SLACK_IS_ALONE = noClasses().that().resideInAPackage("dev.llmq.slack..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.llmq.discord..", "dev.llmq.store..", "dev.llmq.app..");

    @ArchTest
    static final ArchRule STORE_IS_ALONE = noClasses().that().resideInAPackage("dev.llmq.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.llmq.discord..", "dev.llmq.slack..", "dev.llmq.app..");

    @ArchTest
    static final ArchRule PLATFORMS_USE_PORTS_NOT_USE_CASES = noClasses()
            .that().resideInAnyPackage("dev.llmq.discord..", "dev.llmq.slack..", "dev.llmq.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.llmq.core.quiz..", "dev.llmq.core.daily..")
            .because("an adapter is given Interactions (inbound) or implements a port (outbound); bot-app builds the use cases");

    @ArchTest
    static final ArchRule MODULES_FREE_OF_CYCLES = slices().matching("dev.llmq.(*)..").should().beFreeOfCycles();

    @ArchTest
    static void theRulesSeeEveryModule(JavaClasses all) {
        for (String p : new String[] {"dev.llmq.core.port", "dev.llmq.discord", "dev.llmq.slack", "dev.llmq.store.jdbc",
            "dev.llmq.app"}) {
            assertTrue(all.containPackage(p), "imported " + p);
        }
    }

    /** The rule can fail: a planted test class that uses JDA from dev.llmq.app is caught. */
    @Test
    void aPlantedJdaUseInTheAppIsCaught() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.llmq.app.planted");
        assertTrue(APP_TOUCHES_NO_PLATFORM_SDK.evaluate(planted).hasViolation());
    }
}

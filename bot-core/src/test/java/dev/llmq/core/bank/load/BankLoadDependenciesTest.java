package dev.llmq.core.bank.load;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The loader depends on the bank's types, never the reverse: no package cycle. */
class BankLoadDependenciesTest {
    private final JavaClasses bank = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.llmq.core.bank");

    @Test
    void theBankDoesNotDependOnItsLoader() {
        noClasses().that().resideInAPackage("dev.llmq.core.bank")
                .should().dependOnClassesThat().resideInAPackage("dev.llmq.core.bank.load..")
                .check(bank);
    }

    @Test
    void theLoaderUsesOnlyTheBankI18nTheJdkAndSnakeYaml() {
        classes().that().resideInAPackage("dev.llmq.core.bank.load..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.llmq.core.bank..", "dev.llmq.core.i18n..", "java..", "org.yaml.snakeyaml..")
                .check(bank);
    }
}

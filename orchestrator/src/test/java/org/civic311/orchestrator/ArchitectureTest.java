package org.civic311.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Boundaries that keep the code easy to move: Camunda 7 CE is frozen, and its community fork renames packages. */
class ArchitectureTest {

    static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civic311");

    @Test
    void onlyTheWorkflowPackageTouchesCamunda() {
        noClasses().that().resideOutsideOfPackage("org.civic311.orchestrator.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("a move to Camunda's community fork must stay a mechanical change in one package")
                .check(CODE);
    }

    @Test
    void departmentConnectorsKnowNothingOfTheOrchestrator() {
        noClasses().that().resideInAPackage("org.civic311.connectors..")
                .should().dependOnClassesThat().resideInAPackage("org.civic311.orchestrator..")
                .check(CODE);
    }
}

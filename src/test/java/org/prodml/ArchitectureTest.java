package org.prodml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of the code base, as tests. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.prodml");
  }

  @Test
  void theLibraryNeverUsesZeppelin() {
    noClasses().that().resideOutsideOfPackage("org.prodml.zeppelin..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.zeppelin..")
        .because("src/ is the library; only the adapter in interpreter/ may know Zeppelin")
        .check(classes);
  }

  @Test
  void theLibraryNeverUsesTheAdapter() {
    noClasses().that().resideOutsideOfPackage("org.prodml.zeppelin..")
        .should().dependOnClassesThat().resideInAPackage("org.prodml.zeppelin..")
        .because("the adapter depends on the library, never the reverse (the CLI finds it through ServiceLoader)")
        .check(classes);
  }

  @Test
  void conceptPackagesDoNotKnowNotebooks() {
    noClasses().that().resideInAnyPackage("org.prodml.data..", "org.prodml.profile..", "org.prodml.rules..",
            "org.prodml.facts..", "org.prodml.chart..", "org.prodml.text..")
        .should().dependOnClassesThat().resideInAnyPackage("org.prodml.pipeline..", "org.prodml.stages..", "org.prodml.cli..")
        .because("concept packages are usable from the CLI, tests and notebooks alike")
        .check(classes);
  }

  @Test
  void factsAreImmutableRecordsOnly() {
    noClasses().that().resideInAPackage("org.prodml.facts..")
        .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "tech.tablesaw..", "smile..")
        .because("facts are plain records that DRL and JSON cases can build")
        .check(classes);
  }
}

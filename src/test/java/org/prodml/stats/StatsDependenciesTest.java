package org.prodml.stats;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StatsDependenciesTest {
  @Test
  void statsIsALeafPackage() {
    noClasses()
        .that()
        .resideInAPackage("org.prodml.stats..")
        .should()
        .dependOnClassesThat(
            and(resideInAPackage("org.prodml.."), resideOutsideOfPackage("org.prodml.stats..")))
        .because(
            "transform, evaluate and serve all take their statistics from it, so it can depend on none of them")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.prodml.stats"));
  }
}

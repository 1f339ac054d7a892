package org.prodml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prodml.pipeline.Stage;

/** The boundaries of the code base, as tests. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.prodml");
  }

  @Test
  void theLibraryNeverUsesZeppelin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.prodml.zeppelin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.zeppelin..")
        .because("src/ is the library; only the adapter in interpreter/ may know Zeppelin")
        .check(classes);
  }

  @Test
  void theLibraryNeverUsesTheAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.prodml.zeppelin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.prodml.zeppelin..")
        .because(
            "the adapter depends on the library, never the reverse (the CLI finds it through ServiceLoader)")
        .check(classes);
  }

  @Test
  void onlyTheSparkJobUsesSpark() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.prodml.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..", "org.apache.hadoop..", "scala..", "org.prodml.spark..")
        .because(
            "Spark is provided, never in prodml.jar: only the job in spark/ knows it, and the library"
                + " starts the job in a JVM of its own")
        .check(classes);
  }

  @Test
  void conceptPackagesDoNotKnowNotebooks() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.prodml.data..",
            "org.prodml.profile..",
            "org.prodml.rules..",
            "org.prodml.facts..",
            "org.prodml.chart..",
            "org.prodml.text..",
            "org.prodml.split..",
            "org.prodml.transform..",
            "org.prodml.train..",
            "org.prodml.evaluate..",
            "org.prodml.serve..",
            "org.prodml.monitor..",
            "org.prodml.deploy..",
            "org.prodml.simulate..",
            "org.prodml.readiness..",
            "org.prodml.suggest..",
            "org.prodml.note..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.prodml.pipeline..",
            "org.prodml.stages..",
            "org.prodml.audit..",
            "org.prodml.cli..")
        .because(
            "concept packages are usable from the CLI, tests and notebooks alike; the stages adapt them to a note")
        .check(classes);
  }

  @Test
  void noStageCallsAnotherStage() {
    classes()
        .that()
        .implement(Stage.class)
        .should(
            new ArchCondition<JavaClass>("not depend on another stage") {
              @Override
              public void check(JavaClass stage, ConditionEvents events) {
                for (Dependency d : stage.getDirectDependenciesFromSelf()) {
                  JavaClass target = d.getTargetClass();
                  if (!target.equals(stage)
                      && !target.isInterface()
                      && target.isAssignableTo(Stage.class)
                      && !target.getName().startsWith(stage.getName() + "$")) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                }
              }
            })
        .because(
            "a stage never calls another stage: what stages share lives in their support class")
        .check(classes);
  }

  @Test
  void stagesAreNotAFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("org.prodml.stages..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.prodml.cli..", "org.prodml.audit..")
        .because("the command line and the audit run the stages, as a note does; never the reverse")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("org.prodml.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "a package depends on the ones below it; a cycle means a concept is split across two")
        .check(classes);
  }

  @Test
  void factsAreImmutableRecordsOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.prodml.facts..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kie..", "org.drools..", "tech.tablesaw..", "smile..")
        .because("facts are plain records that DRL and JSON cases can build")
        .check(classes);
  }
}

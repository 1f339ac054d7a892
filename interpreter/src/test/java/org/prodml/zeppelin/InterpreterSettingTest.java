package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.prodml.cli.Home;
import org.prodml.stages.Stages;

/**
 * interpreter-setting.json declares the group as Zeppelin expects, and every stage the library
 * registers has its paragraph: when a stage is added to {@code Stages}, this test says what is
 * missing here.
 */
class InterpreterSettingTest {
  static final Path SETTING =
      Home.get().resolve("interpreter/src/main/resources/interpreter-setting.json");

  @Test
  void everyRegisteredStageHasAnInterpreterClassAndAnEntry() throws Exception {
    InterpreterSettings settings = InterpreterSettings.load();
    List<String> missing = new ArrayList<>();
    for (String stage : Stages.registry().all().keySet()) {
      var entry = settings.entry("prodml", stage);
      if (entry.isEmpty()) {
        missing.add(
            stage
                + ": no {\"group\": \"prodml\", \"name\": \""
                + stage
                + "\"} entry in interpreter-setting.json");
        continue;
      }
      Object interpreter =
          Class.forName(entry.get().className())
              .getConstructor(Properties.class)
              .newInstance(new Properties());
      if (!(interpreter instanceof StageInterpreter s) || !s.stageName().equals(stage)) {
        missing.add(
            stage
                + ": "
                + entry.get().className()
                + " is not the StageInterpreter of stage "
                + stage);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyStageEntryNamesItsOwnStage() throws Exception {
    for (InterpreterSettings.Entry entry : InterpreterSettings.load().entries()) {
      Object interpreter =
          Class.forName(entry.className())
              .getConstructor(Properties.class)
              .newInstance(new Properties());
      if (interpreter instanceof StageInterpreter stage) {
        assertEquals(entry.name(), stage.stageName(), entry.className());
      }
    }
  }

  @Test
  void theGroupIsLaidOutLikeZeppelinsPythonGroup() throws Exception {
    JsonNode root = new ObjectMapper().readTree(SETTING.toFile());

    assertEquals("prodml", root.get(0).get("name").asText());
    assertEquals(ProdmlInterpreter.class.getName(), root.get(0).get("className").asText());
    assertTrue(root.get(0).get("defaultInterpreter").asBoolean());
    List<String> names = new ArrayList<>();
    for (JsonNode entry : root) {
      assertEquals("prodml", entry.get("group").asText());
      assertTrue(
          entry.get("editor").get("completionSupport").asBoolean(), entry.get("name").asText());
      names.add(entry.get("name").asText());
    }
    assertEquals(
        List.of(
            "prodml",
            "load",
            "profile",
            "validate",
            "transform",
            "split",
            "train",
            "evaluate",
            "serve",
            "monitor",
            "simulate",
            "deploy",
            "anatomy",
            "audit",
            "check",
            "rules",
            "ask"),
        names);
    JsonNode properties = root.get(0).get("properties");
    for (String key :
        List.of(
            "prodml.home",
            "prodml.data.roots",
            "prodml.rules.dirs",
            "prodml.maxRows",
            "prodml.seed",
            "JAVA_HOME")) {
      assertTrue(properties.has(key), key);
    }
    assertEquals("JAVA_HOME", properties.get("JAVA_HOME").get("envName").asText());
  }
}

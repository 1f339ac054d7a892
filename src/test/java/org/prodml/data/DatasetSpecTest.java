package org.prodml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code dataset.json} under {@code datasets/}, whether the dataset script (node) or the
 * scenario generator (Java) wrote it, is one schema: it parses into {@link DatasetSpec} with no key
 * the record lacks, and has every key the record has.
 */
class DatasetSpecTest {
  static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void everyDatasetJsonUnderDatasetsIsADatasetSpecWithNoUnknownKey() throws Exception {
    List<Path> files;
    try (var walk = Files.walk(Path.of("datasets"))) {
      files =
          walk.filter(p -> p.getFileName().toString().equals(DatasetSpec.FILE_NAME))
              .sorted()
              .toList();
    }
    // Both writers are covered: the shipped datasets (node) and the scenarios (Java).
    assertTrue(
        files.stream().anyMatch(f -> f.startsWith(Path.of("datasets", "scenarios")))
            && files.stream().anyMatch(f -> !f.startsWith(Path.of("datasets", "scenarios"))),
        files.toString());
    Set<String> keys =
        new TreeSet<>(
            Arrays.stream(DatasetSpec.class.getRecordComponents()).map(c -> c.getName()).toList());
    for (Path file : files) {
      DatasetSpec spec = STRICT.readValue(file.toFile(), DatasetSpec.class);
      assertEquals(spec, DatasetSpec.read(file), file.toString());
      JsonNode tree = STRICT.readTree(file.toFile());
      Set<String> present = new TreeSet<>();
      tree.fieldNames().forEachRemaining(present::add);
      assertEquals(keys, present, file + ": every key, always present");
      assertTrue(
          Files.isRegularFile(file.resolveSibling(spec.file())),
          file + ": its file " + spec.file());
      for (DatasetSpec.Span span : spec.spans()) {
        assertTrue(
            Files.isRegularFile(file.resolveSibling(span.file())),
            file + ": its span " + span.file());
      }
      assertTrue(
          spec.regenerate() != null && spec.source().packageName() != null,
          file + ": says how to regenerate it and where from");
    }
  }

  @Test
  void anUnknownKeyIsAnErrorThatNamesIt(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve(DatasetSpec.FILE_NAME),
            "{\"name\": \"x\", \"lable\": \"weather\", \"columns\": [{\"name\": \"a\", \"type\": \"DOUBLE\"}]}");
    DataInputException e = assertThrows(DataInputException.class, () -> DatasetSpec.read(file));
    assertTrue(e.getMessage().contains("\"lable\""), e.getMessage());
  }
}

package org.prodml.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset's description ({@code dataset.json} beside its data): what a row is, the label, time,
 * group and id columns, each column's declared type, where the rows came from and how to regenerate
 * them. Declared types are used instead of inferring them.
 *
 * <p>This record is the one schema of every {@code dataset.json}, whether the dataset script
 * ({@code scripts/datasets.mjs}) or the scenario generator wrote it. Reading is strict: a key the
 * record does not have is an error, not silently ignored, so a misspelt {@code "lable"} cannot
 * leave a dataset without its label and the two writers cannot drift apart unnoticed.
 */
@JsonPropertyOrder({
  "name",
  "title",
  "row",
  "file",
  "label",
  "task",
  "time",
  "group",
  "id",
  "columns",
  "spans",
  "source",
  "licence",
  "regenerate"
})
public record DatasetSpec(
    String name,
    String title,
    String row,
    String file,
    String label,
    String task,
    String time,
    String group,
    String id,
    List<ColumnSpec> columns,
    List<Span> spans,
    Source source,
    String licence,
    String regenerate) {

  public static final String FILE_NAME = "dataset.json";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  /** One declared column; {@code unit} and {@code domain} are left out of the file when absent. */
  @JsonPropertyOrder({"name", "type", "unit", "description", "domain"})
  public record ColumnSpec(
      String name,
      String type,
      @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
      String description,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> domain) {}

  /** A named time span of the dataset shipped as its own file. */
  @JsonPropertyOrder({"name", "file", "from", "to"})
  public record Span(String name, String file, String from, String to) {}

  /**
   * Where the rows come from: a file ({@code path}) of an npm package, and the original publisher's
   * page.
   */
  @JsonPropertyOrder({"package", "path", "original"})
  public record Source(@JsonProperty("package") String packageName, String path, String original) {}

  public static DatasetSpec read(Path file) {
    try {
      DatasetSpec spec = JSON.readValue(file.toFile(), DatasetSpec.class);
      if (spec.columns() == null) {
        throw new DataInputException(file.toString(), "has no \"columns\" list");
      }
      for (ColumnSpec c : spec.columns()) {
        try {
          ValueType.parse(c.type());
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new DataInputException(
              file.toString(),
              -1,
              c.name(),
              "type: " + (c.type() == null ? "missing" : e.getMessage()));
        }
      }
      return spec;
    } catch (IOException e) {
      throw new DataInputException(
          file.toString(),
          "not a valid dataset.json: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * The spec describing a data file: {@code dataset.json} in the file's folder or the folder above
   * it (spans live in a sub-folder).
   */
  public static Optional<DatasetSpec> forDataFile(Path dataFile) {
    Path dir = dataFile.toAbsolutePath().getParent();
    for (int i = 0; i < 2 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(read(candidate));
      }
    }
    return Optional.empty();
  }

  /** Declared column types, by column name. */
  public Map<String, ValueType> types() {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (ColumnSpec c : columns) {
      types.put(c.name(), ValueType.parse(c.type()));
    }
    return types;
  }
}

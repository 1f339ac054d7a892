package org.prodml.note;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.prodml.data.DataInputException;

/**
 * Reads, writes and finds Zeppelin note files: {@code .zpln} (Zeppelin 0.9+) or a 0.8-style {@code
 * note.json}. Written notes are indented like the files Zeppelin writes, so a note saved here and
 * one saved by Zeppelin diff cleanly.
 */
public final class NoteFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  /** Indented like the files Zeppelin writes ({@code "key": value}, arrays one item a line). */
  private static final ObjectWriter WRITER =
      JSON.writer(
          new DefaultPrettyPrinter()
              .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private NoteFiles() {}

  /** Whether the file is a note: a regular {@code .zpln} file or a {@code note.json}. */
  public static boolean isNote(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".zpln") || name.equals("note.json"));
  }

  /** Every note below a folder, sorted by path; none when it is not a folder. */
  public static List<Path> find(Path folder) {
    List<Path> notes = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return notes;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(NoteFiles::isNote).sorted().forEach(notes::add);
    } catch (IOException e) {
      throw new DataInputException(folder.toString(), "cannot read: " + e.getMessage());
    }
    return notes;
  }

  /**
   * The note's JSON.
   *
   * @throws DataInputException naming the file (and the line, for JSON errors) when it is not a
   *     note
   */
  public static ObjectNode read(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (!(node instanceof ObjectNode note) || !note.path("paragraphs").isArray()) {
        throw new DataInputException(
            file.toString(), "not a Zeppelin note (no \"paragraphs\" list)");
      }
      return note;
    } catch (JsonProcessingException e) {
      throw new DataInputException(
          file.toString(),
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          null,
          "not a Zeppelin note: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /** The note as a file's text, ending with a newline. */
  public static String write(ObjectNode note) {
    try {
      return WRITER.writeValueAsString(note) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A paragraph to build a note from: its title (may be empty) and its text. */
  public record Paragraph(String title, String text) {}

  /**
   * A new note with these paragraphs, as Zeppelin 0.11 would store it before its first run: the
   * {@code prodml} group as its default, each paragraph titled, enabled, and {@code READY}.
   * Paragraph ids are derived from the note id and the position, so building the same note twice
   * gives the same file.
   */
  public static ObjectNode build(String id, String name, List<Paragraph> paragraphs) {
    ObjectNode note = JSON.createObjectNode();
    ArrayNode list = note.putArray("paragraphs");
    String date = "2026-01-01 00:00:00.000";
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      boolean markdown = p.text().startsWith("%md");
      ObjectNode paragraph = list.addObject();
      if (!p.title().isEmpty()) {
        paragraph.put("title", p.title());
      }
      paragraph.put("text", p.text());
      paragraph.put("user", "anonymous");
      paragraph.put("dateUpdated", date);
      paragraph.put("progress", 0);
      ObjectNode config = paragraph.putObject("config");
      ObjectNode editor = config.putObject("editorSetting");
      editor.put("language", markdown ? "markdown" : "text");
      editor.put("editOnDblClick", markdown);
      editor.put("completionKey", "TAB");
      editor.put("completionSupport", !markdown);
      config.put("colWidth", 12.0);
      config.put("editorMode", markdown ? "ace/mode/markdown" : "ace/mode/text");
      config.put("fontSize", 9.0);
      config.put("editorHide", markdown);
      config.put("title", !p.title().isEmpty());
      config.putObject("results");
      config.put("enabled", true);
      ObjectNode settings = paragraph.putObject("settings");
      settings.putObject("params");
      settings.putObject("forms");
      paragraph.putArray("apps");
      paragraph.putObject("runtimeInfos");
      paragraph.put("progressUpdateIntervalMs", 500);
      String paragraphId = String.format("paragraph_%s_%04d", id, i + 1);
      paragraph.put("jobName", paragraphId);
      paragraph.put("id", paragraphId);
      paragraph.put("dateCreated", date);
      paragraph.put("status", "READY");
    }
    note.put("name", name);
    note.put("id", id);
    note.put("defaultInterpreterGroup", "prodml");
    note.put("version", "0.11.1");
    note.putObject("noteParams");
    note.putObject("noteForms");
    note.putObject("angularObjects");
    note.putObject("config").put("isZeppelinNotebookCronEnable", false);
    note.putObject("info");
    return note;
  }
}

package org.prodml.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.DataInputException;

/** A note as plain text: what it looks like, that it reads back, and how edits go back. */
class NoteTextTest {
  private static ObjectNode note() {
    return NoteFiles.build(
        "TEXT1",
        "A note",
        List.of(
            new NoteFiles.Paragraph(
                "", "%md\n# A note\n\n%prodml.load is a paragraph, not this line"),
            new NoteFiles.Paragraph("Load", "%prodml.load(file=\"a b.csv\", as=serving)"),
            new NoteFiles.Paragraph(
                "✎ Your rule",
                "%prodml.rules\npackage rules.learner;\n\nrule \"MY-1 x\"\nwhen\n  $c : X(a == \"b\")\nthen\nend"),
            new NoteFiles.Paragraph("Help", "%prodml help train")));
  }

  @Test
  void markdownAndRulesReadAsTheyAreAndTitlesFollowTheInterpreterLine() {
    String text = NoteText.write(note());
    assertTrue(text.startsWith("# ProdML Lab note: A note\n# id: TEXT1\n"), text);
    assertTrue(text.contains("\n%md\n# A note\n\n\\%prodml.load is a paragraph"), text);
    assertTrue(text.contains("\n%prodml.load(file=\"a b.csv\", as=serving)  # Load\n"), text);
    assertTrue(text.contains("rule \"MY-1 x\"\nwhen\n  $c : X(a == \"b\")"), "no JSON escaping");
    assertTrue(text.contains("\n%prodml  # Help\nhelp train\n"), text);
  }

  @Test
  void aNoteReadsBackFromItsTextUnchanged() {
    ObjectNode note = note();
    NoteText.Parsed parsed = NoteText.parse(NoteText.write(note), "a.txt");
    assertEquals("TEXT1", parsed.id());
    assertEquals("A note", parsed.name());
    assertTrue(NoteText.sameAs(note, parsed));
    ObjectNode applied = NoteText.apply(note, parsed);
    for (int i = 0; i < 4; i++) {
      assertEquals(
          note.path("paragraphs")
              .get(i)
              .path("text")
              .asText()
              .replace("%prodml help", "%prodml\nhelp"),
          applied
              .path("paragraphs")
              .get(i)
              .path("text")
              .asText()
              .replace("%prodml help", "%prodml\nhelp"),
          "paragraph " + i);
    }
  }

  @Test
  void everyShippedNoteRoundTrips() throws Exception {
    List<Path> notes = NoteFiles.find(Path.of("notebooks"));
    assertFalse(notes.isEmpty());
    for (Path file : notes) {
      ObjectNode note = NoteFiles.read(file);
      NoteText.Parsed parsed = NoteText.parse(NoteText.write(note), file.toString());
      assertTrue(NoteText.sameAs(note, parsed), file.toString());
      ObjectNode applied = NoteText.apply(note, parsed);
      assertEquals(texts(note), texts(applied), file + ": texts survive the round trip");
      assertEquals(ids(note), ids(applied), file + ": paragraph ids survive the round trip");
    }
  }

  @Test
  void anEditedParagraphKeepsItsIdAndLosesItsOldResults() {
    ObjectNode note = note();
    ((ObjectNode) note.path("paragraphs").get(2)).putObject("results").put("code", "SUCCESS");
    String text = NoteText.write(note).replace("$c : X(a == \"b\")", "$c : X(a == \"c\")");
    ObjectNode applied = NoteText.apply(note, NoteText.parse(text, "a.txt"));
    JsonNode rule = applied.path("paragraphs").get(2);
    assertEquals("paragraph_TEXT1_0003", rule.path("id").asText());
    assertTrue(rule.path("text").asText().contains("a == \"c\""));
    assertTrue(rule.path("results").isMissingNode(), "an edited paragraph's results are stale");
    assertEquals("✎ Your rule", rule.path("title").asText());
  }

  @Test
  void addedAndRemovedParagraphsKeepTheOthersIds() {
    ObjectNode note = note();
    String text =
        NoteText.write(note)
            .replace("\n%prodml.load(file=\"a b.csv\", as=serving)  # Load\n", "\n")
            .replace("\n%prodml  # Help\n", "\n%md\nA new paragraph\n\n%prodml  # Help\n");
    ObjectNode applied = NoteText.apply(note, NoteText.parse(text, "a.txt"));
    assertEquals(
        List.of(
            "paragraph_TEXT1_0001",
            "paragraph_TEXT1_0003",
            "paragraph_TEXT1_0003_1",
            "paragraph_TEXT1_0004"),
        ids(applied));
    assertEquals("%md\nA new paragraph", applied.path("paragraphs").get(2).path("text").asText());
  }

  @Test
  void textBeforeTheFirstParagraphNamesItsLine() {
    DataInputException e =
        assertThrows(
            DataInputException.class,
            () -> NoteText.parse("# ProdML Lab note: x\nstray words\n%md\nhi", "n.txt"));
    assertTrue(e.getMessage().contains("n.txt") && e.getMessage().contains("2"), e.getMessage());
  }

  @Test
  void syncReadsTheFileChangedLastAndRewritesTheOther(@TempDir Path dir) throws Exception {
    Path zpln = dir.resolve("n.zpln");
    Files.writeString(zpln, NoteFiles.write(note()));
    Path txt = NoteText.besideNote(zpln);
    NoteText.sync(zpln, txt);
    assertTrue(NoteText.isNoteText(txt), "the text is written beside the note");
    Files.writeString(
        txt,
        Files.readString(txt).replace("a == \\\"b\\\"", "x").replace("a == \"b\"", "a == \"z\""));
    Files.setLastModifiedTime(
        txt, FileTime.fromMillis(Files.getLastModifiedTime(zpln).toMillis() + 2000));
    ObjectNode synced = NoteText.sync(zpln, txt);
    assertTrue(synced.path("paragraphs").get(2).path("text").asText().contains("a == \"z\""));
    assertTrue(
        NoteFiles.read(zpln).path("paragraphs").get(2).path("text").asText().contains("a == \"z\""),
        "the edited text went into the .zpln");
  }

  private static List<String> texts(ObjectNode note) {
    List<String> texts = new ArrayList<>();
    note.path("paragraphs")
        .forEach(
            p -> {
              if (!p.path("text").asText("").isBlank()) {
                texts.add(p.path("text").asText().strip());
              }
            });
    return texts;
  }

  private static List<String> ids(ObjectNode note) {
    List<String> ids = new ArrayList<>();
    note.path("paragraphs")
        .forEach(
            p -> {
              if (!p.path("text").asText("").isBlank()) {
                ids.add(p.path("id").asText());
              }
            });
    return ids;
  }
}

package org.prodml.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prodml.data.DataInputException;
import org.prodml.io.AtomicFiles;

/**
 * A note as plain text, for a text editor: each paragraph starts at its interpreter line ({@code
 * %md}, {@code %prodml.load(file=…)}) and runs to the next one, so Markdown and DRL read as they
 * are, without JSON escaping. A paragraph's title follows its interpreter line after two spaces and
 * {@code #}. A body line that would itself start a paragraph (it begins with {@code %}) is written
 * with a backslash in front, which reading removes.
 *
 * <pre>
 * # ProdML Lab note: 0. The system around the model
 * # id: PMLC00SYS
 *
 * %md
 * # 0. The system around the model
 *
 * %prodml.load(file=seattle-weather/spans/train-2012-2013.csv)  # Load the training data
 * </pre>
 *
 * <p>The text carries what a person edits: titles and texts, in order. Everything else of a
 * paragraph (its id, settings, saved results) stays in the {@code .zpln} beside it, and {@link
 * #apply} puts an edited text back into that note, matching paragraphs by their unchanged texts.
 */
public final class NoteText {
  /** The file extension of a note's plain text, beside its {@code .zpln}. */
  public static final String EXTENSION = ".txt";

  /** The first header line, which marks a file as a note's text. */
  static final String FIRST_LINE = "# ProdML Lab note: ";

  private static final String ID_LINE = "# id: ";

  /** An interpreter line: {@code %name} or {@code %group.name}, optionally with (properties). */
  private static final Pattern BINDING =
      Pattern.compile("^%([A-Za-z][\\w.-]*)(\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?(.*)$");

  /** The title after an interpreter line: two or more spaces, {@code #}, a space. */
  private static final Pattern TITLE = Pattern.compile("^\\s{2,}#\\s+(.*)$");

  private static final Pattern ESCAPED = Pattern.compile("^\\\\+%");

  private NoteText() {}

  /** One paragraph of a note's text: its title (may be empty) and its text. */
  public record Paragraph(String title, String text) {}

  /** A note read from its text: its id and name from the header, and its paragraphs. */
  public record Parsed(String id, String name, List<Paragraph> paragraphs) {
    public Parsed {
      paragraphs = List.copyOf(paragraphs);
    }
  }

  /** Whether the file is a note's text: a {@code .txt} file that starts with the header. */
  public static boolean isNoteText(Path file) {
    if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(EXTENSION)) {
      return false;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.findFirst().map(l -> l.startsWith(FIRST_LINE)).orElse(false);
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** The text file beside a {@code .zpln} note (same name, {@code .txt}). */
  public static Path besideNote(Path zpln) {
    String name = zpln.getFileName().toString();
    String base = name.endsWith(".zpln") ? name.substring(0, name.length() - 5) : name;
    return zpln.resolveSibling(base + EXTENSION);
  }

  /** The {@code .zpln} note beside a note's text. */
  public static Path noteBeside(Path text) {
    String name = text.getFileName().toString();
    String base =
        name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    return text.resolveSibling(base + ".zpln");
  }

  /** The note as text: a header, then each paragraph's interpreter line and body. */
  public static String write(ObjectNode note) {
    StringBuilder text = new StringBuilder();
    String name = note.path("name").asText("");
    text.append(FIRST_LINE).append(name).append('\n');
    text.append(ID_LINE).append(note.path("id").asText("")).append('\n');
    text.append(
        """
        # Each paragraph starts at a line beginning with % (its interpreter); the words after "  # " on
        # that line are its title. Edit the text under a line, save, and run this file:
        #   ./prodml run "<this file>"
        # (a body line that starts with % is written with a \\ in front).
        """);
    for (JsonNode p : note.path("paragraphs")) {
      String body = p.path("text").asText("");
      if (body.isBlank()) {
        continue; // Zeppelin's trailing empty paragraph
      }
      String title = p.path("title").asText("");
      text.append('\n');
      List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
      Matcher binding = BINDING.matcher(lines.get(0));
      if (lines.get(0).startsWith("%") && binding.matches()) {
        String head = "%" + binding.group(1) + (binding.group(2) == null ? "" : binding.group(2));
        String rest = binding.group(3).strip();
        lines.remove(0);
        if (!rest.isEmpty()) {
          if (title.isEmpty()) {
            head = head + " " + rest;
          } else {
            lines.add(0, rest); // the script starts on the next line; the title takes this one
          }
        }
        text.append(head);
      } else {
        // No interpreter line: the note's default interpreter runs it, as Zeppelin would.
        text.append('%').append(note.path("defaultInterpreterGroup").asText("prodml"));
      }
      if (!title.isEmpty()) {
        text.append("  # ").append(title.replace('\n', ' '));
      }
      text.append('\n');
      for (String line : lines) {
        text.append(line.matches("^\\\\*%.*") ? "\\" + line : line).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Reads a note's text.
   *
   * @param origin the file name, for errors
   * @throws DataInputException naming the file and line when the text has no paragraph
   */
  public static Parsed parse(String text, String origin) {
    String id = "";
    String name = "";
    List<Paragraph> paragraphs = new ArrayList<>();
    String title = null;
    StringBuilder body = null;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher binding = BINDING.matcher(line);
      if (line.startsWith("%") && binding.matches()) {
        if (body != null) {
          paragraphs.add(new Paragraph(title, trimEnd(body)));
        }
        String rest = binding.group(3);
        Matcher t = TITLE.matcher(rest);
        String head = "%" + binding.group(1) + (binding.group(2) == null ? "" : binding.group(2));
        if (t.matches()) {
          title = t.group(1).strip();
          body = new StringBuilder(head);
        } else {
          title = "";
          body = new StringBuilder(line.stripTrailing());
        }
      } else if (body == null) {
        if (line.startsWith(FIRST_LINE)) {
          name = line.substring(FIRST_LINE.length()).strip();
        } else if (line.startsWith(ID_LINE)) {
          id = line.substring(ID_LINE.length()).strip();
        } else if (!line.isBlank() && !line.startsWith("#")) {
          throw new DataInputException(
              origin,
              i + 1,
              null,
              "text before the first paragraph; a paragraph starts at a line beginning with %"
                  + " (e.g. %md or %prodml.load(file=…))");
        }
      } else {
        body.append('\n').append(ESCAPED.matcher(line).find() ? line.substring(1) : line);
      }
    }
    if (body != null) {
      paragraphs.add(new Paragraph(title, trimEnd(body)));
    }
    if (paragraphs.isEmpty()) {
      throw new DataInputException(
          origin,
          lines.length,
          null,
          "no paragraph: a paragraph starts at a line beginning with %");
    }
    return new Parsed(id, name, paragraphs);
  }

  /** Reads a note's text file. */
  public static Parsed read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  private static String trimEnd(StringBuilder body) {
    int end = body.length();
    while (end > 0 && (body.charAt(end - 1) == '\n' || body.charAt(end - 1) == ' ')) {
      end--;
    }
    return body.substring(0, end);
  }

  /** Whether the note's paragraphs already have the text's titles and texts, in order. */
  public static boolean sameAs(ObjectNode note, Parsed text) {
    List<Paragraph> current = parse(write(note), "note").paragraphs();
    return current.equals(text.paragraphs());
  }

  /**
   * The note with the text's paragraphs in place (a copy). A paragraph whose text changed loses its
   * saved results; paragraphs are matched by their unchanged texts, the ones between two matches
   * pairing up in order (an edited paragraph continues the one it replaced); a paragraph only in
   * the text is new, one only in the note is dropped.
   */
  public static ObjectNode apply(ObjectNode note, Parsed text) {
    ObjectNode copy = note.deepCopy();
    ArrayNode old = (ArrayNode) copy.path("paragraphs");
    List<ObjectNode> kept = new ArrayList<>();
    for (JsonNode p : old) {
      if (p instanceof ObjectNode o && !o.path("text").asText("").isBlank()) {
        kept.add(o);
      }
    }
    List<Paragraph> wanted = text.paragraphs();
    // Each kept paragraph as its text reads (the writer's form), to compare with the edited text.
    List<String> current =
        kept.isEmpty()
            ? List.of()
            : parse(write(copy), "note").paragraphs().stream().map(Paragraph::text).toList();
    int[] match = align(current, wanted);
    ArrayNode paragraphs = copy.putArray("paragraphs");
    String noteId = copy.path("id").asText(text.id());
    for (int i = 0; i < wanted.size(); i++) {
      Paragraph p = wanted.get(i);
      ObjectNode target;
      if (match[i] >= 0) {
        target = kept.get(match[i]);
        if (!current.get(match[i]).equals(p.text())) {
          target.put("text", p.text());
          target.remove("results");
          target.put("status", "READY");
        }
      } else {
        target =
            (ObjectNode)
                NoteFiles.build(noteId, "", List.of(new NoteFiles.Paragraph(p.title(), p.text())))
                    .path("paragraphs")
                    .get(0);
        target.put("id", newId(noteId, paragraphs.size() + 1, kept, paragraphs));
        target.put("jobName", target.path("id").asText());
      }
      if (p.title().isEmpty()) {
        target.remove("title");
        ((ObjectNode) target.path("config")).put("title", false);
      } else {
        target.put("title", p.title());
        if (target.path("config") instanceof ObjectNode config) {
          config.put("title", true);
        }
      }
      paragraphs.add(target);
    }
    return copy;
  }

  /** A new note from a text that has no {@code .zpln} beside it. */
  public static ObjectNode toNote(Parsed text, String fallbackId, String fallbackName) {
    String id = text.id().isEmpty() ? fallbackId : text.id();
    String name = text.name().isEmpty() ? fallbackName : text.name();
    return NoteFiles.build(
        id,
        name,
        text.paragraphs().stream().map(p -> new NoteFiles.Paragraph(p.title(), p.text())).toList());
  }

  /**
   * Brings a note and its text into line: the one changed last is read, the other rewritten
   * (atomically) when it differs, and the note as it now stands is returned. When only one of the
   * two exists, the other is written from it.
   */
  public static ObjectNode sync(Path zpln, Path text) {
    boolean hasNote = Files.isRegularFile(zpln);
    boolean hasText = Files.isRegularFile(text);
    if (!hasNote && !hasText) {
      throw new DataInputException(zpln.toString(), "no such note, and no text beside it");
    }
    if (!hasText) {
      ObjectNode note = NoteFiles.read(zpln);
      AtomicFiles.write(text, write(note));
      return note;
    }
    Parsed parsed = read(text);
    if (!hasNote) {
      String base = zpln.getFileName().toString().replaceFirst("\\.zpln$", "");
      ObjectNode note = toNote(parsed, base.replaceAll("[^A-Za-z0-9]", ""), base);
      AtomicFiles.write(zpln, NoteFiles.write(note));
      return note;
    }
    ObjectNode note = NoteFiles.read(zpln);
    if (sameAs(note, parsed)) {
      return note;
    }
    if (modified(text) >= modified(zpln)) {
      ObjectNode merged = apply(note, parsed);
      AtomicFiles.write(zpln, NoteFiles.write(merged));
      return merged;
    }
    AtomicFiles.write(text, write(note));
    return note;
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new DataInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /**
   * For each wanted paragraph, the index of the kept paragraph it continues, or -1 for a new one:
   * the longest common run of unchanged texts anchors the match, and the paragraphs between two
   * anchors pair up in order.
   */
  private static int[] align(List<String> kept, List<Paragraph> wanted) {
    int[] match = new int[wanted.size()];
    java.util.Arrays.fill(match, -1);
    int n = kept.size();
    int m = wanted.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            kept.get(i).equals(wanted.get(j).text())
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<int[]> anchors = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (kept.get(i).equals(wanted.get(j).text())) {
        anchors.add(new int[] {i, j});
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    anchors.add(new int[] {n, m});
    int fromKept = 0;
    int fromWanted = 0;
    for (int[] anchor : anchors) {
      // Between two anchors: edited paragraphs continue the old ones in order.
      int gap = Math.min(anchor[0] - fromKept, anchor[1] - fromWanted);
      for (int k = 0; k < gap; k++) {
        match[fromWanted + k] = fromKept + k;
      }
      if (anchor[1] < m) {
        match[anchor[1]] = anchor[0];
      }
      fromKept = anchor[0] + 1;
      fromWanted = anchor[1] + 1;
    }
    return match;
  }

  private static String newId(
      String noteId, int position, List<ObjectNode> kept, ArrayNode placed) {
    java.util.Set<String> used = new java.util.HashSet<>();
    kept.forEach(p -> used.add(p.path("id").asText()));
    placed.forEach(p -> used.add(p.path("id").asText()));
    String id = String.format("paragraph_%s_%04d", noteId, position);
    int suffix = 1;
    while (used.contains(id)) {
      id = String.format("paragraph_%s_%04d_%d", noteId, position, suffix++);
    }
    return id;
  }
}

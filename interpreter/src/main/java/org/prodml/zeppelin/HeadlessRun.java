package org.prodml.zeppelin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prodml.course.CourseNotes;
import org.prodml.io.AtomicFiles;
import org.prodml.zeppelin.ParagraphRun.Status;
import org.prodml.zeppelin.RunCommand.NoteFile;

/**
 * The run command's work: run each note, print each paragraph as it ends, write the copy and the
 * page.
 */
final class HeadlessRun {
  private HeadlessRun() {}

  static int run(
      List<NoteFile> notes, Path outDir, Map<String, String> properties, PrintWriter out) {
    return run(notes, outDir, properties, note -> NoteRunner.read(note.file()), out);
  }

  /** Runs the notes as {@code reader} gives them (e.g. with their solutions in place). */
  static int run(
      List<NoteFile> notes,
      Path outDir,
      Map<String, String> properties,
      java.util.function.Function<NoteFile, ObjectNode> reader,
      PrintWriter out) {
    NoteRunner runner = new NoteRunner(properties);
    int failed = 0;
    List<String> summary = new java.util.ArrayList<>();
    int exercises = 0;
    int exercisesPassed = 0;
    for (NoteFile note : notes) {
      Path zpln = outDir.resolve(note.output() + ".zpln");
      Path html = outDir.resolve(note.output() + ".html");
      if (zpln.toAbsolutePath().normalize().equals(note.file().toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(
            note.file() + ": --out would overwrite the input note; choose another folder");
      }
      ObjectNode input = reader.apply(note);
      out.println(note.file() + "  (" + input.path("name").asText("") + ")");
      out.flush();
      NoteRun run =
          runner.run(
              input,
              paragraph -> {
                out.println(line(paragraph));
                out.flush();
              });
      AtomicFiles.write(zpln, NoteRunner.write(run.note()));
      AtomicFiles.write(
          html,
          NotePage.relink(
              NotePage.render(run),
              note.file().toAbsolutePath().getParent(),
              html.toAbsolutePath().getParent()));
      long bad = run.count(Status.ERROR) + run.count(Status.UNEXPECTED_SUCCESS);
      out.println(
          "  → "
              + zpln
              + ", "
              + html.getFileName()
              + "  ("
              + run.paragraphs().size()
              + " paragraphs: "
              + run.count(Status.OK)
              + " ok, "
              + bad
              + " failed, "
              + run.millis()
              + " ms)");
      for (String line : checks(run.note())) {
        out.println(line);
      }
      List<CourseNotes.Verdict> verdicts = CourseNotes.verdicts(run.note());
      long passed = verdicts.stream().filter(CourseNotes.Verdict::passed).count();
      exercises += verdicts.size();
      exercisesPassed += (int) passed;
      summary.add(
          String.format(
              "  %-36.36s %10s %7d %11s %8.1f s",
              input.path("name").asText(""),
              run.paragraphs().size(),
              bad,
              verdicts.isEmpty() ? "-" : passed + " of " + verdicts.size(),
              run.millis() / 1000.0));
      if (!verdicts.isEmpty()) {
        out.println(
            "  exercises: "
                + passed
                + " passed, "
                + (verdicts.size() - passed)
                + " not yet ("
                + String.join(
                    ", ",
                    verdicts.stream()
                        .map(v -> v.exercise() + " " + (v.passed() ? "PASS" : "FAIL"))
                        .toList())
                + ")");
      }
      out.flush();
      if (run.failed()) {
        failed++;
      }
    }
    if (notes.size() > 1) {
      out.println();
      out.println(
          String.format(
              "  %-36s %10s %7s %11s %10s", "note", "paragraphs", "failed", "exercises", "time"));
      summary.forEach(out::println);
      out.println(
          notes.size()
              + " notes: "
              + (notes.size() - failed)
              + " passed, "
              + failed
              + " failed; exercises passed: "
              + exercisesPassed
              + " of "
              + exercises
              + "; pages in "
              + outDir);
    }
    out.flush();
    return failed > 0 ? RunCommand.FAILED : 0;
  }

  private static final java.util.regex.Pattern HINT =
      java.util.regex.Pattern.compile(
          "<p class=\"prodml-hint\"><b>(Hint \\d+ of \\d+):</b> (.*?)</p>");
  private static final java.util.regex.Pattern FAILURE =
      java.util.regex.Pattern.compile("<p class=\"prodml-(failure|passed)\"[^>]*>(.*?)</p>");

  /**
   * What each exercise check of a run said, for a learner reading the terminal: the verdict, why a
   * check failed, and the hint it revealed (the page shows the same with its tables).
   */
  static List<String> checks(ObjectNode note) {
    List<String> lines = new java.util.ArrayList<>();
    for (var paragraph : note.path("paragraphs")) {
      if (!paragraph.path("text").asText("").stripLeading().startsWith("%prodml.check")) {
        continue;
      }
      String verdict = "";
      String card = "";
      for (var msg : paragraph.path("results").path("msg")) {
        String data = msg.path("data").asText("");
        if (msg.path("type").asText("").equals("TEXT") && data.startsWith("exercise ")) {
          verdict = data.lines().findFirst().orElse("");
        } else if (msg.path("type").asText("").equals("HTML")) {
          card += data;
        }
      }
      if (verdict.isEmpty()) {
        continue;
      }
      lines.add("  " + verdict);
      java.util.regex.Matcher failure = FAILURE.matcher(card);
      while (failure.find()) {
        lines.add(
            (failure.group(1).equals("passed") ? "    ✔ " : "    ✘ ")
                + org.prodml.text.Html.unescape(failure.group(2)));
      }
      java.util.regex.Matcher hint = HINT.matcher(card);
      if (hint.find()) {
        lines.add("    " + hint.group(1) + ": " + org.prodml.text.Html.unescape(hint.group(2)));
      }
    }
    return lines;
  }

  static String line(ParagraphRun paragraph) {
    String binding = paragraph.binding().isEmpty() ? "" : "%" + paragraph.binding();
    String time =
        paragraph.status() == Status.SKIPPED || paragraph.status() == Status.NOT_RUN
            ? ""
            : paragraph.millis() + " ms";
    String message = paragraph.message().isEmpty() ? "" : "  " + paragraph.message();
    return String.format(
        "  %3d  %-20s %-18s %8s%s",
        paragraph.index(), binding, paragraph.status().label(), time, message);
  }
}

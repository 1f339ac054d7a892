package org.prodml.course;

import java.nio.file.Path;

/** The README of a learner's workspace: how to do the exercises there, with or without Zeppelin. */
final class WorkspaceReadme {
  private WorkspaceReadme() {}

  static String text(Workspace workspace, Course course, String command) {
    Path dir = workspace.dir();
    StringBuilder notes = new StringBuilder();
    String firstText = null;
    for (CourseNote note : course.notes()) {
      Path zpln = workspace.noteFile(note);
      Path text = org.prodml.note.NoteText.besideNote(zpln);
      if (firstText == null) {
        firstText = dir.relativize(text).toString();
      }
      notes
          .append("| ")
          .append(note.name())
          .append(" | `")
          .append(dir.relativize(text))
          .append("` | ")
          .append(String.join(", ", note.exercises().stream().map(Exercise::id).toList()))
          .append(" |\n");
    }
    return """
        # Your ProdML Lab course

        This folder is yours: `%1$s course start` copied the course into it, and nothing here is
        ever overwritten by the course. Each note is here twice, and the two stay in step:

        - `<note>.txt`, the note as plain text for any text editor: each paragraph starts at its
          interpreter line (`%%md`, `%%prodml.split(…)`, `%%prodml.rules`), Markdown and rules read
          as they are, and the words after `  # ` on that line are the paragraph's title;
        - `<note>.zpln`, the same note for Zeppelin.

        ## Doing an exercise with a text editor

        1. Open a note's `.txt`, read down to an exercise, and edit the paragraphs whose title is
           marked ✎ (only their text below the `%%` line; keep the line itself).
        2. Run the note, from any folder:

               %1$s run "%2$s"

           Each paragraph prints one line; the check paragraph prints `PASS` or `FAIL`. The full
           output, with tables, charts, the check's findings and its hint, is the page
           `out/<note>.html` in this folder (open it in a browser).
        3. A failed check shows a hint. Checking the same answer again shows the same hint; a
           changed answer counts as a new attempt and may reveal the next one.

        `./prodml run` brings the `.txt` and the `.zpln` into line first: whichever you changed
        last wins, and the other is rewritten from it.

        ## Your progress

        - `%1$s course` lists every exercise with your attempts, verdict and hints (kept in
          `%3$s`).
        - `%1$s course reset EXERCISE` forgets an exercise's attempts and hints;
          add `--restore` to put its ✎ paragraphs back as the course ships them.

        ## With Zeppelin

        Import the `.zpln` notes into Zeppelin and set the interpreter property `prodml.workspace`
        of the `prodml` interpreter to this folder (`%4$s`): checks run in Zeppelin then count
        in the same progress file.

        | note | plain text | exercises |
        |---|---|---|
        %5$s"""
        .formatted(
            command,
            dir.resolve(firstText == null ? "" : firstText),
            Workspace.PROGRESS,
            dir,
            notes.toString());
  }
}

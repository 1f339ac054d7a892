package org.prodml.zeppelin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import org.prodml.data.DataInputException;
import org.prodml.pipeline.StageException;
import org.prodml.rules.RuleCompileException;
import org.prodml.rules.RuleRunException;
import org.prodml.text.Format;

/**
 * The one line a paragraph shows when it fails. Errors a learner can fix (a parameter, a file, a
 * rule) keep their message as it is; anything else is our bug and says so.
 */
final class Errors {
  private Errors() {}

  static String oneLine(Throwable e) {
    if (e instanceof RuleCompileException r) {
      return Format.oneLine(String.join("\n", r.errors()));
    }
    if (e instanceof StageException
        || e instanceof DataInputException
        || e instanceof RuleRunException
        || e instanceof IllegalArgumentException) {
      return Format.oneLine(e.getMessage());
    }
    if (e instanceof CancellationException) {
      return "cancelled";
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      return "cannot read or write: " + Format.oneLine(e.getMessage());
    }
    return "internal error: "
        + e.getClass().getSimpleName()
        + ": "
        + flat(e.getMessage())
        + " (bug)";
  }

  static boolean isBug(Throwable e) {
    return oneLine(e).startsWith("internal error: ");
  }

  private static String flat(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

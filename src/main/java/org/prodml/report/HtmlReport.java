package org.prodml.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prodml.audit.AuditResult;
import org.prodml.audit.SimulationResult;

/**
 * The audit as one self-contained HTML page: findings grouped by severity and topic with their
 * evidence and a chart of the column, comparisons and profiles with inline SVG charts. No CDN and
 * no external file: it opens offline; one short inline script sorts the compact tables. Templates
 * are compiled at build time (jte) and escape every value.
 *
 * <p>The page stays under {@value #MAX_BYTES} bytes whatever the width of the data, the number of
 * findings or of monitoring windows: it is drawn at {@link AuditPage.Detail#FULL} detail, and again
 * with less while it is larger (a report users cannot open is no report).
 */
public final class HtmlReport {
  /** The largest page written: a browser opens it at once. */
  public static final int MAX_BYTES = 2_000_000;

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private HtmlReport() {}

  public static String render(AuditResult audit) {
    Map<List<String>, String> charts = new HashMap<>();
    String html = null;
    for (AuditPage.Detail detail : AuditPage.Detail.LEVELS) {
      StringOutput out = new StringOutput();
      ENGINE.render("audit.jte", AuditPage.of(audit, detail, charts), out);
      html = out.toString();
      if (utf8Length(html) <= MAX_BYTES) {
        break;
      }
    }
    return html;
  }

  /** The bytes of the text in UTF-8, without encoding it. */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * A paradigm simulation as one self-contained page: its chart, findings and comparison tables.
   */
  public static String render(SimulationResult simulation) {
    StringOutput out = new StringOutput();
    ENGINE.render("simulation.jte", SimulationPage.of(simulation), out);
    return out.toString();
  }
}

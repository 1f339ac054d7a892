package org.prodml.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.prodml.audit.AuditResult;
import org.prodml.audit.SimulationResult;

/**
 * The audit as one self-contained HTML page: findings grouped by severity and topic with their
 * evidence and a chart of the column, comparisons and profiles with inline SVG charts. No script
 * and no CDN: it opens offline. Templates are compiled at build time (jte) and escape every value.
 */
public final class HtmlReport {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private HtmlReport() {}

  public static String render(AuditResult audit) {
    StringOutput out = new StringOutput();
    ENGINE.render("audit.jte", AuditPage.of(audit), out);
    return out.toString();
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

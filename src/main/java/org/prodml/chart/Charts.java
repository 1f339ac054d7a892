package org.prodml.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.prodml.data.ValueType;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.Histogram;
import org.prodml.profile.ValueCount;

/**
 * Charts drawn with JFreeChart and written as inline SVG (JFreeSVG): they open offline, in a report
 * file or a Zeppelin %html paragraph, with no script and no CDN. Every chart gets its own id prefix
 * so several can share one page.
 */
public final class Charts {
  public static final int WIDTH = 420;
  public static final int HEIGHT = 240;
  static final Color REFERENCE = new Color(0x4C78A8);
  static final Color CURRENT = new Color(0xF58518);
  static final Color[] PALETTE = {
    REFERENCE,
    CURRENT,
    new Color(0x54A24B),
    new Color(0xE45756),
    new Color(0x72B7B2),
    new Color(0xB279A2),
    new Color(0xFF9DA6),
    new Color(0x9D755D)
  };
  private static final AtomicLong IDS = new AtomicLong();

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** A column's distribution: a histogram for ordered columns, bars of the top values otherwise. */
  public static String distribution(ColumnProfile column) {
    if (column.histogram() != null) {
      return histogram(column.name(), column.histogram(), column.type());
    }
    return bars(column.name(), column.topValues(15));
  }

  /**
   * Reference and current distributions of one column, as shares, on shared bins (numbers) or the
   * union of the most frequent values (categories).
   */
  public static String compare(
      ColumnProfile reference, String referenceLabel, ColumnProfile current, String currentLabel) {
    if (reference.histogram() != null
        && current.histogram() != null
        && reference.kind() == current.kind()) {
      return compareHistograms(reference, referenceLabel, current, currentLabel);
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Set<String> values = new LinkedHashSet<>();
    reference.topValues(10).forEach(v -> values.add(v.value()));
    current.topValues(10).forEach(v -> values.add(v.value()));
    double refTotal =
        Math.max(1, reference.frequencies().stream().mapToLong(ValueCount::count).sum());
    double curTotal =
        Math.max(1, current.frequencies().stream().mapToLong(ValueCount::count).sum());
    for (String v : values) {
      data.addValue(reference.frequency(v) / refTotal, referenceLabel, v);
      data.addValue(current.frequency(v) / curTotal, currentLabel, v);
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            reference.name(),
            null,
            "share of rows",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    styleCategory(chart);
    return svg(chart, WIDTH, HEIGHT);
  }

  private static String compareHistograms(
      ColumnProfile reference, String referenceLabel, ColumnProfile current, String currentLabel) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(shares(referenceLabel, reference.histogram(), reference.type()));
    data.addSeries(shares(currentLabel, current.histogram(), current.type()));
    JFreeChart chart =
        ChartFactory.createXYBarChart(
            reference.name(),
            null,
            reference.kind() == ValueType.Kind.DATETIME,
            "share of rows",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, withAlpha(REFERENCE, 150));
    renderer.setSeriesPaint(1, withAlpha(CURRENT, 150));
    styleXY(chart);
    return svg(chart, WIDTH, HEIGHT);
  }

  private static XYIntervalSeries shares(String label, Histogram h, ValueType type) {
    XYIntervalSeries series = new XYIntervalSeries(label);
    double total = Math.max(1, h.counts().stream().mapToLong(Long::longValue).sum());
    double scale = type.kind() == ValueType.Kind.DATETIME ? 1000 : 1;
    for (int i = 0; i < h.counts().size(); i++) {
      double lo = h.edges().get(i) * scale;
      double hi = h.edges().get(i + 1) * scale;
      double share = h.counts().get(i) / total;
      series.add((lo + hi) / 2, lo, hi, share, share, share);
    }
    return series;
  }

  /** A histogram of counts over the profile's bins. */
  public static String histogram(String title, Histogram h, ValueType type) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYIntervalSeries series = new XYIntervalSeries("rows");
    double scale = type.kind() == ValueType.Kind.DATETIME ? 1000 : 1;
    for (int i = 0; i < h.counts().size(); i++) {
      double lo = h.edges().get(i) * scale;
      double hi = h.edges().get(i + 1) * scale;
      series.add((lo + hi) / 2, lo, hi, h.counts().get(i), h.counts().get(i), h.counts().get(i));
    }
    data.addSeries(series);
    JFreeChart chart =
        ChartFactory.createXYBarChart(
            title,
            null,
            type.kind() == ValueType.Kind.DATETIME,
            "rows",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    XYBarRenderer renderer = (XYBarRenderer) chart.getXYPlot().getRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, REFERENCE);
    styleXY(chart);
    return svg(chart, WIDTH, HEIGHT);
  }

  /** Bars of value counts. */
  public static String bars(String title, List<ValueCount> values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ValueCount v : values) {
      data.addValue(v.count(), "rows", v.value());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, "rows", data, PlotOrientation.VERTICAL, false, false, false);
    styleCategory(chart);
    return svg(chart, WIDTH, HEIGHT);
  }

  /**
   * Lines over a numeric x axis (time as epoch milliseconds when {@code timeAxis}): one series per
   * map entry, each a list of {x, y} points.
   */
  public static String lines(
      String title,
      String xLabel,
      String yLabel,
      Map<String, List<double[]>> series,
      boolean timeAxis) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) {
        s.add(p[0], p[1]);
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        timeAxis
            ? ChartFactory.createTimeSeriesChart(title, xLabel, yLabel, null, true, false, false)
            : ChartFactory.createXYLineChart(
                title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    if (timeAxis) {
      plot.setDataset(data);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    plot.setRenderer(renderer);
    styleXY(chart);
    return svg(chart, WIDTH + 120, HEIGHT + 20);
  }

  /** Grouped bars: one group per category, one bar per series. */
  public static String groupedBars(
      String title, String yLabel, Map<String, Map<String, Double>> seriesByCategory) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    seriesByCategory.forEach(
        (category, series) ->
            series.forEach((name, value) -> data.addValue(value, name, category)));
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    styleCategory(chart);
    return svg(chart, WIDTH + 120, HEIGHT + 20);
  }

  /**
   * A calibration curve: mean predicted probability against observed frequency per bucket, with the
   * diagonal a perfectly calibrated model would follow. Both axes span [0, 1], so curves of
   * different models read alike.
   *
   * @param points {mean predicted, observed} per bucket, in bucket order
   */
  public static String calibrationCurve(String title, String series, List<double[]> points) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries curve = new XYSeries(series, false, true);
    points.forEach(p -> curve.add(p[0], p[1]));
    XYSeries diagonal = new XYSeries("perfectly calibrated", false, true);
    diagonal.add(0, 0);
    diagonal.add(1, 1);
    data.addSeries(curve);
    data.addSeries(diagonal);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "mean predicted probability",
            "observed frequency",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, REFERENCE);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
    renderer.setSeriesPaint(1, Color.GRAY);
    renderer.setSeriesStroke(
        1,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    renderer.setSeriesShapesVisible(1, false);
    plot.setRenderer(renderer);
    plot.getDomainAxis().setRange(0, 1);
    plot.getRangeAxis().setRange(0, 1);
    styleXY(chart);
    return svg(chart, WIDTH, HEIGHT + 40);
  }

  /** Horizontal bars, largest first as given: for ranked values such as feature importances. */
  public static String horizontalBars(String title, String valueLabel, Map<String, Double> values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    values.forEach((name, value) -> data.addValue(value, valueLabel, name));
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, valueLabel, data, PlotOrientation.HORIZONTAL, false, false, false);
    styleCategory(chart);
    chart
        .getCategoryPlot()
        .getDomainAxis()
        .setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    return svg(chart, WIDTH, Math.max(HEIGHT, 60 + 22 * values.size()));
  }

  private static void styleXY(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setOutlineVisible(false);
    if (plot.getDomainAxis() instanceof DateAxis axis) {
      axis.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    }
  }

  private static void styleCategory(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setOutlineVisible(false);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.6f);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int i = 0; i < PALETTE.length; i++) {
      renderer.setSeriesPaint(i, PALETTE[i]);
    }
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /**
   * The chart as an SVG element, with ids unique to this chart. Coordinates are written to a tenth
   * of a pixel (JFreeSVG writes every digit of a double by default), which halves the size of a
   * chart and looks the same.
   */
  public static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setGeomDoubleConverter(Charts::tenths);
    g.setDefsKeyPrefix("c" + IDS.incrementAndGet() + "_");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement("chart" + IDS.get());
  }

  /** A coordinate to a tenth: "12", "12.5", "-0.3". */
  static String tenths(double v) {
    if (!Double.isFinite(v)) {
      return "0";
    }
    long tenths = Math.round(v * 10);
    long whole = Math.abs(tenths) / 10;
    int fraction = (int) (Math.abs(tenths) % 10);
    String sign = tenths < 0 ? "-" : "";
    return fraction == 0 ? sign + whole : sign + whole + "." + fraction;
  }

  /** Collects chart SVGs to lay out side by side in an HTML fragment. */
  public static String row(List<String> svgs) {
    List<String> cells = new ArrayList<>();
    for (String s : svgs) {
      cells.add("<div style=\"display:inline-block;margin:4px\">" + s + "</div>");
    }
    return "<div>" + String.join("", cells) + "</div>";
  }
}

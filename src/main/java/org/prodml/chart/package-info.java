/**
 * Charts as inline SVG (JFreeChart drawn through JFreeSVG), so a note's page, a Zeppelin paragraph
 * and an audit report show the same picture offline, with no script and no server: a column's
 * distribution, training beside serving, a model beside its baseline, calibration, latency, the
 * monitoring windows. {@link org.prodml.chart.Charts} draws; {@link org.prodml.chart.ModelCharts}
 * picks what to draw for a model's evaluation, serving and monitoring.
 */
package org.prodml.chart;

package org.prodml.train;

import java.util.ArrayList;
import java.util.List;
import org.prodml.transform.FeatureMatrix;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Tablesaw → Smile, column by column: there is no standard bridge. The input is always the output
 * of fitted transforms (so training, evaluation and serving feed a model the same encoding);
 * nominal features become integer columns with a nominal scale, which Smile's trees split as
 * categories, and everything else becomes a double column.
 */
public final class SmileBridge {
  /** The label column's name inside Smile data frames; no feature may use it. */
  public static final String LABEL = "__label__";

  private SmileBridge() {}

  /** The features' schema, as Smile's tree models expect a predicted row to be typed. */
  public static StructType schema(FeatureMatrix x) {
    List<StructField> fields = new ArrayList<>();
    for (String name : x.names()) {
      List<String> levels = x.nominal().get(name);
      fields.add(
          levels == null
              ? new StructField(name, DataTypes.DoubleType)
              : new StructField(
                  name, DataTypes.IntegerType, new NominalScale(levels.toArray(String[]::new))));
    }
    return new StructType(fields);
  }

  /** The selected rows' features plus a class label, for a classifier. */
  public static DataFrame frame(FeatureMatrix x, int[] rows, int[] classIndex) {
    List<BaseVector<?, ?, ?>> vectors = featureVectors(x, rows);
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = classIndex[rows[i]];
    }
    vectors.add(IntVector.of(LABEL, y));
    return DataFrame.of(vectors.toArray(BaseVector[]::new));
  }

  /** The selected rows' features plus a numeric label, for a regression. */
  public static DataFrame frame(FeatureMatrix x, int[] rows, double[] label) {
    List<BaseVector<?, ?, ?>> vectors = featureVectors(x, rows);
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = label[rows[i]];
    }
    vectors.add(DoubleVector.of(LABEL, y));
    return DataFrame.of(vectors.toArray(BaseVector[]::new));
  }

  /** The selected rows' features alone (a tree's predictors). */
  public static DataFrame features(FeatureMatrix x, int[] rows) {
    return DataFrame.of(featureVectors(x, rows).toArray(BaseVector[]::new));
  }

  private static List<BaseVector<?, ?, ?>> featureVectors(FeatureMatrix x, int[] rows) {
    List<BaseVector<?, ?, ?>> vectors = new ArrayList<>();
    StructType schema = schema(x);
    for (int c = 0; c < x.width(); c++) {
      double[] column = x.columns()[c];
      StructField field = schema.field(c);
      if (x.nominal().containsKey(x.names().get(c))) {
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
          double v = column[rows[i]];
          codes[i] = Double.isNaN(v) ? 0 : (int) v;
        }
        vectors.add(IntVector.of(field, codes));
      } else {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          values[i] = column[rows[i]];
        }
        vectors.add(DoubleVector.of(field, values));
      }
    }
    return vectors;
  }

  /** The selected rows, row-major, for Smile's linear models. */
  public static double[][] rows(FeatureMatrix x, int[] rows) {
    double[][] out = new double[rows.length][x.width()];
    for (int c = 0; c < x.width(); c++) {
      double[] column = x.columns()[c];
      for (int i = 0; i < rows.length; i++) {
        out[i][c] = column[rows[i]];
      }
    }
    return out;
  }

  /** One row of features as a Smile tuple of the schema (nominal codes as integers). */
  public static Tuple tuple(double[] row, StructType schema) {
    Object[] values = new Object[row.length];
    for (int c = 0; c < row.length; c++) {
      values[c] =
          schema.field(c).type.isInt()
              ? (Object) (int) (Double.isNaN(row[c]) ? 0 : row[c])
              : (Object) row[c];
    }
    return Tuple.of(values, schema);
  }
}

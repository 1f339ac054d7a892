package org.prodml.train;

import java.util.Locale;
import org.prodml.text.Choices;
import org.prodml.transform.Encoding;

/** The models ProdML Lab trains, all with Smile 3.1.1 except the baseline. */
public enum ModelType {
  /** Logistic regression (binomial or multinomial), L-BFGS; classification. */
  LOGISTIC("logistic", Encoding.LINEAR),
  /** Ordinary least squares linear regression; regression. */
  LINEAR("linear", Encoding.LINEAR),
  /** Random forest with an explicit number of trees; both tasks. */
  FOREST("forest", Encoding.TREE),
  /** Gradient boosted trees; both tasks. */
  GBT("gbt", Encoding.TREE),
  /** The majority class or the mean label: what any model must beat. */
  BASELINE("baseline", Encoding.TREE);

  private final String label;
  private final Encoding encoding;

  ModelType(String label, Encoding encoding) {
    this.label = label;
    this.encoding = encoding;
  }

  public String label() {
    return label;
  }

  /** The input encoding the automatic transform plan gives this model. */
  public Encoding encoding() {
    return encoding;
  }

  public boolean supports(Task task) {
    return switch (this) {
      case LOGISTIC -> task == Task.CLASSIFICATION;
      case LINEAR -> task == Task.REGRESSION;
      default -> true;
    };
  }

  /** Whether fitting draws random numbers, so that only a seed makes it repeatable. */
  public boolean randomized() {
    return this == FOREST || this == GBT;
  }

  public static ModelType parse(String text) {
    ModelType exact = Choices.find(values(), ModelType::label, text);
    if (exact != null) {
      return exact;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "ols", "linear-regression", "regression" -> LINEAR;
      case "logit", "logistic-regression" -> LOGISTIC;
      case "rf", "random-forest", "randomforest" -> FOREST;
      case "gradient-boosting", "boosting", "gbm" -> GBT;
      case "majority", "mean" -> BASELINE;
      default -> Choices.parse(values(), ModelType::label, text, "model");
    };
  }
}

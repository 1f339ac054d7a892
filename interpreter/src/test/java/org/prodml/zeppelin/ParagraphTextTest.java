package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paragraph text parser follows Zeppelin's ParagraphTextParser rule for rule. */
class ParagraphTextTest {

  @Test
  void bindingPropertiesAndTheScriptFromTheEndOfTheBindingLine() {
    ParagraphText p =
        ParagraphText.parse(
            "%prodml.train(model=forest, trees=50, label=weather, seed=7)\nbody line\n");

    assertEquals("prodml.train", p.binding());
    assertEquals("prodml", p.group());
    assertEquals(
        Map.of("model", "forest", "trees", "50", "label", "weather", "seed", "7"),
        p.localProperties());
    assertEquals("\nbody line\n", p.script()); // as Zeppelin: line N of the script is the editor's
  }

  @Test
  void noBindingMeansTheWholeTextIsTheScript() {
    ParagraphText p = ParagraphText.parse("  status  ");

    assertEquals("", p.binding());
    assertEquals("status  ", p.script()); // only leading spaces go, as in Zeppelin
    assertEquals(Map.of(), p.localProperties());
  }

  @Test
  void leadingBlanksBeforeTheBindingAreAllowed() {
    assertEquals("md", ParagraphText.parse("\n  %md # Title").binding());
    assertEquals("# Title", ParagraphText.parse("\n  %md # Title").script());
  }

  @Test
  void quotesProtectCommasEqualsAndParenthesesAndAreDropped() {
    ParagraphText p =
        ParagraphText.parse(
            "%prodml.validate(thresholds=\"drift.maxJs:0.2, missing.maxShare:0.1\", note=\"a=b (c)\")");

    assertEquals("drift.maxJs:0.2, missing.maxShare:0.1", p.localProperties().get("thresholds"));
    assertEquals("a=b (c)", p.localProperties().get("note"));
    assertEquals("", p.script());
  }

  @Test
  void backslashEscapesTheNextCharacterAndKnowsNewlineAndTab() {
    ParagraphText p =
        ParagraphText.parse("%prodml.load(sep=a\\tb, line=a\\nb, paren=\\), quote=\\\")");

    assertEquals("a\tb", p.localProperties().get("sep"));
    assertEquals("a\nb", p.localProperties().get("line"));
    assertEquals(")", p.localProperties().get("paren"));
    assertEquals("\"", p.localProperties().get("quote"));
  }

  @Test
  void anEscapedBlankAtTheEdgeOfAValueIsTrimmedAsInZeppelin() {
    assertEquals("", ParagraphText.parse("%prodml.load(sep=\\t)").localProperties().get("sep"));
  }

  @Test
  void aKeyWithoutValueStandsForItselfButOnlyAsTheLastEntry() {
    assertEquals(
        Map.of("seed", "7", "verbose", "verbose"),
        ParagraphText.parse("%prodml.train(seed=7, verbose)").localProperties());
    assertThrows(
        IllegalArgumentException.class,
        () -> ParagraphText.parse("%prodml.train(verbose, seed=7)"));
  }

  @Test
  void keysAndValuesAreTrimmedAndEmptyParenthesesGiveNothing() {
    assertEquals(
        Map.of("file", "seattle-weather/data.csv"),
        ParagraphText.parse("%prodml.load(  file =  seattle-weather/data.csv  )")
            .localProperties());
    assertEquals(Map.of(), ParagraphText.parse("%prodml.profile()").localProperties());
  }

  @Test
  void malformedPropertiesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ParagraphText.parse("%prodml.load(file=a"));
    assertThrows(
        IllegalArgumentException.class, () -> ParagraphText.parse("%prodml.load(file=a=b)"));
    assertThrows(
        IllegalArgumentException.class, () -> ParagraphText.parse("%prodml.load(, file=a)"));
    assertThrows(
        IllegalArgumentException.class, () -> ParagraphText.parse("%prodml.load(file=a\\"));
  }

  @Test
  void aParenthesisAfterABlankIsPartOfTheScript() {
    ParagraphText p = ParagraphText.parse("%prodml (not properties)");

    assertEquals("prodml", p.binding());
    assertEquals(Map.of(), p.localProperties());
    assertEquals("(not properties)", p.script());
  }

  @Test
  void zeppelinSkipsABareParagraphUnlessCheckEmptyIsOff() {
    ParagraphText bare = ParagraphText.parse("%prodml.profile");
    Map<String, Object> none = Map.of();

    assertEquals("", bare.script());
    assertEquals(true, bare.skippedByZeppelin(none, none));
    assertEquals(false, bare.skippedByZeppelin(none, Map.of(ParagraphText.CHECK_EMPTY, false)));
    assertEquals(
        true,
        bare.skippedByZeppelin(
            Map.of(ParagraphText.CHECK_EMPTY, false), Map.of(ParagraphText.CHECK_EMPTY, true)),
        "the setting's config is merged over the paragraph's");
    assertEquals(
        false, ParagraphText.parse("%prodml.profile(on=train)").skippedByZeppelin(none, none));
    assertEquals(false, ParagraphText.parse("%prodml.profile\n").skippedByZeppelin(none, none));
  }

  @Test
  void aScriptIsAlignedWithTheEditorsLines() {
    String text = "\n\n%prodml.rules\nrule";
    ParagraphText p = ParagraphText.parse(text);

    assertEquals("\nrule", p.script());
    assertEquals("\n\n\nrule", ParagraphText.alignedWithEditor(p.script(), text));
    assertEquals("x", ParagraphText.alignedWithEditor("x", null));
  }

  @Test
  void aGroupNameMayHoldAHyphen() {
    assertEquals("my-group.x", ParagraphText.parse("%my-group.x body").binding());
  }
}

package org.prodml.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void aSetIsShownSortedAndAListInItsOwnOrder() {
    Set<String> windows =
        Collections.unmodifiableSet(
            new HashSet<>(List.of("window 2015-08", "window 2015-07", "window 2015-10")));
    assertEquals("window 2015-07, window 2015-08, window 2015-10", Format.value(windows));
    assertEquals("b, a", Format.value(List.of("b", "a")));
  }

  @Test
  void aLongCollectionSaysHowManyItHolds() {
    List<Integer> many = java.util.stream.IntStream.range(0, 12).boxed().toList();
    assertEquals("0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … (12 in all)", Format.value(many));
  }

  @Test
  void numbersKeepFourSignificantDigitsAndWholeNumbersNoDecimals() {
    assertEquals("0.1235", Format.value(0.123456));
    assertEquals("12", Format.value(12.0));
    assertEquals("NaN", Format.value(Double.NaN));
  }
}

package org.prodml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.DataInputException;
import org.prodml.data.ValueType;

/**
 * A dataset cut into parts, each part's profile written as bytes, read back and merged, is the
 * streaming profile of the whole file: the byte format carries every stage of every accumulator.
 */
class PartialProfileTest {
  @TempDir Path dir;

  /** The partial profile of rows [from, to) of an unquoted CSV file's lines. */
  static PartialProfile part(
      List<String> lines,
      int from,
      int to,
      List<String> names,
      List<ValueType> types,
      ProfileOptions o) {
    PartialProfile part = PartialProfile.start(names, types, o);
    for (int i = from; i < to; i++) {
      String[] fields = lines.get(i).split(",", -1);
      for (int c = 0; c < fields.length; c++) {
        char[] chars = fields[c].toCharArray();
        part.field(c, chars, 0, chars.length);
      }
      part.endRow();
    }
    return part;
  }

  @Test
  void partsWrittenAsBytesAndMergedGiveTheStreamingProfile() throws Exception {
    Path f = FlawedCsv.write(dir, 150_000);
    ProfileOptions options = ProfileOptions.defaults().withLabel("label");
    DatasetProfile streamed = CsvProfiler.profile(f, options);
    assertFalse(streamed.duplicatesExact(), "the file has more distinct rows than kept exactly");

    List<String> lines = Files.readAllLines(f);
    List<String> names = Arrays.asList(lines.get(0).split(","));
    List<List<String>> head = new ArrayList<>();
    for (String line : lines.subList(1, 1 + options.sampleRows())) {
      head.add(Arrays.asList(line.split(",", -1)));
    }
    List<ValueType> types = PartialProfile.types(f.toString(), names, head, options);
    int[] cuts = {1, 2_000, 70_000, 70_001, lines.size()};
    PartialProfile whole = null;
    for (int p = 0; p + 1 < cuts.length; p++) {
      byte[] bytes = part(lines, cuts[p], cuts[p + 1], names, types, options).toBytes();
      PartialProfile read = PartialProfile.fromBytes(bytes);
      if (whole == null) {
        whole = read;
      } else {
        whole = PartialProfile.fromBytes(PartialProfile.mergeBytes(whole.toBytes(), bytes));
      }
    }
    DatasetProfile merged = whole.toProfile(f.toString());
    ProfileEquality.assertSameProfile(streamed, merged);
    ColumnProfile x = merged.columns().get(1);
    assertEquals(ValueType.DOUBLE, x.type());
    assertTrue(x.nan() > 0 && x.inf() > 0 && x.invalid() > 0 && x.missing() > 0, x.toString());
    assertTrue(merged.duplicateRows() > 1000, "planted duplicates: " + merged.duplicateRows());
  }

  @Test
  void smallDataMergesExactlyIncludingTheLabelAssociations() throws Exception {
    Path f = Path.of(System.getProperty("prodml.home", ".")).resolve("datasets/penguins/data.csv");
    ProfileOptions options = ProfileOptions.defaults().withLabel("Species");
    DatasetProfile streamed = DataFiles.profile(f, options, true);
    List<String> lines = Files.readAllLines(f);
    assertFalse(
        lines.stream().anyMatch(l -> l.contains("\"")), "unquoted, so split(\",\") reads it");
    List<String> names = streamed.columnNames();
    List<ValueType> types = streamed.columns().stream().map(ColumnProfile::type).toList();
    PartialProfile a = part(lines, 1, 100, names, types, options);
    PartialProfile b =
        PartialProfile.fromBytes(part(lines, 100, lines.size(), names, types, options).toBytes());
    a.merge(b);
    ProfileEquality.assertSameProfile(streamed, a.toProfile(f.toString()));
  }

  @Test
  void anUnknownRoleColumnIsTheStreamingProfilersError() {
    DataInputException e =
        assertThrows(
            DataInputException.class,
            () ->
                PartialProfile.types(
                    "f.csv", List.of("a"), List.of(), ProfileOptions.defaults().withLabel("b")));
    assertTrue(e.getMessage().startsWith("f.csv: column 'b': no such column"), e.getMessage());
  }

  @Test
  void bytesOfAnythingElseAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PartialProfile.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
  }
}

package org.prodml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DataLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTheShippedDatasetsWithTheirDeclaredTypes() {
    for (String name : new String[] {"seattle-weather", "penguins", "cars", "flights-20k"}) {
      Path folder = Path.of("datasets", name);
      DatasetSpec spec = DatasetSpec.read(folder.resolve("dataset.json"));
      Table table = DataLoader.load(folder.resolve(spec.file()));
      for (DatasetSpec.ColumnSpec c : spec.columns()) {
        assertEquals(c.type(), table.column(c.name()).type().name(), name + "." + c.name());
      }
    }
  }

  @Test
  void readsJsonRecordsWithNulls() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("r.json"),
            "[{\"a\": 1, \"b\": \"x\"}, {\"a\": null, \"b\": \"y\", \"c\": true}]");
    Table t = DataLoader.load(f);
    assertEquals(2, t.rowCount());
    assertEquals(ColumnType.INTEGER, t.column("a").type());
    assertEquals(1, t.column("a").countMissing());
    assertEquals(ColumnType.BOOLEAN, t.column("c").type());
  }

  @Test
  void errorsNameTheFileLineAndColumn() throws Exception {
    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
    assertTrue(
        assertThrows(DataInputException.class, () -> DataLoader.load(ragged))
            .getMessage()
            .endsWith("ragged.csv:3: row has 1 fields but the header has 2"));
    Path typed = Files.writeString(dir.resolve("typed.csv"), "a,b\n1,2\nx,3\n");
    DataInputException e =
        assertThrows(
            DataInputException.class, () -> DataLoader.load(typed, Map.of("a", ValueType.INTEGER)));
    assertTrue(
        e.getMessage().endsWith("typed.csv:3: column 'a': value 'x' is not INTEGER"),
        e.getMessage());
    Path json = Files.writeString(dir.resolve("bad.json"), "[{\"a\": 1},\n {\"a\": ]");
    assertTrue(
        assertThrows(DataInputException.class, () -> DataLoader.load(json))
            .getMessage()
            .startsWith(json + ":2: not valid JSON"));
    assertTrue(
        assertThrows(DataInputException.class, () -> DataLoader.load(dir.resolve("none.csv")))
            .getMessage()
            .endsWith("no such file"));
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertTrue(
        assertThrows(DataInputException.class, () -> DataLoader.load(empty))
            .getMessage()
            .endsWith("the file is empty"));
    assertTrue(
        assertThrows(
                DataInputException.class,
                () -> DataLoader.load(typed, Map.of("zz", ValueType.INTEGER)))
            .getMessage()
            .contains("column 'zz': no such column"));
  }
}

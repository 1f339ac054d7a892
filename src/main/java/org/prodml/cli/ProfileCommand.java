package org.prodml.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prodml.data.ValueType;
import org.prodml.io.AtomicFiles;
import org.prodml.profile.DataFiles;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ProfileOptions;
import org.prodml.render.Tables;
import org.prodml.render.TextTables;
import org.prodml.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./prodml profile FILE}: one streaming pass, a profile table, and profile.json. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "Profiles a CSV file (streamed, in bounded memory) or a JSON file, and writes profile.json.",
      "Per column: counts, missing, NaN/Inf, distinct values, range, quantiles, histogram and top values,"
          + " printed as a table."
    })
public final class ProfileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the data file")
  Path file;

  @Option(
      names = "--label",
      paramLabel = "COLUMN",
      description = "measure each feature's association with this label")
  String label;

  @Option(names = "--time", paramLabel = "COLUMN", description = "the time column (rows per day)")
  String time;

  @Option(
      names = "--types",
      paramLabel = "COLUMN=TYPE",
      split = ",",
      description = "declare column types, e.g. code=STRING")
  Map<String, String> types = new LinkedHashMap<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "parse threads for large files (default: all cores)")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/profile",
      description = "where to write profile.json (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() {
    Map<String, ValueType> declared = new LinkedHashMap<>();
    types.forEach((k, v) -> declared.put(k, ValueType.parse(v)));
    ProfileOptions options =
        ProfileOptions.defaults().withLabel(label).withTime(time).withTypes(declared);
    if (threads != null) {
      options = options.withThreads(threads);
    }
    long start = System.nanoTime();
    DatasetProfile profile = DataFiles.profile(file, options, true);
    long millis = (System.nanoTime() - start) / 1_000_000;
    AtomicFiles.write(out.resolve("profile.json"), Json.write(profile));
    var w = spec.commandLine().getOut();
    w.print(TextTables.render(Tables.profile(file + ": " + profile.rows() + " rows", profile), 48));
    w.printf(
        "%d duplicate rows%s · profiled in %d ms · wrote %s%n",
        profile.duplicateRows(),
        profile.duplicatesExact() ? "" : " (estimated)",
        millis,
        out.resolve("profile.json"));
    w.flush();
    return ProdmlCommand.OK;
  }
}

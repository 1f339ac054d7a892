package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prodml.data.CsvDamage;
import org.prodml.text.Format;

/**
 * Label leakage through a proxy, the course's hospital-name flaw, on US flights: each flight's
 * record names the airport service desk that looked after its passengers. Rebooking desks handle
 * the passengers of late flights, so in the historical records the desk nearly gives the label away
 * — it was written down because of the delay. At prediction time, before departure, only the desk
 * on the gate's roster is known, and the roster knows nothing of the delay to come: the March rows,
 * the serving log, carry that one.
 */
public final class RebookingDeskScenario extends Scenario {
  static final String NAME = "flights-rebooking-desk";
  static final String SOURCE = "flights-20k";
  static final long SEED = 6001;
  static final int DESKS = 30;

  /**
   * BTS counts an arrival 15 minutes or more late as delayed; the source's usual binary framing.
   */
  static final int DELAYED_AFTER_MINUTES = 15;

  /** Share of historical flights handled by a desk homed at the flight's outcome. */
  static final double AGREEMENT = 0.95;

  /**
   * From this day on, rows are the serving log: the rostered desk, not the one that handled the
   * flight.
   */
  static final String SERVING_FROM = "2001-03-01";

  RebookingDeskScenario() {
    super(
        NAME,
        SOURCE,
        "data.csv",
        SEED,
        "`desk` nearly determines the label in the January–February records and is random in the "
            + "March serving log (label leakage through a proxy)",
        6);
  }

  static List<String> desks() {
    List<String> desks = new ArrayList<>();
    for (int i = 1; i <= DESKS; i++) {
      desks.add(String.format(Locale.ROOT, "desk-%02d", i));
    }
    return desks;
  }

  @Override
  public ScenarioFolder build(Path datasets) {
    CsvDamage data =
        readSource(datasets)
            .derive(
                "delayed",
                (row, random) -> row.number("delay") > DELAYED_AFTER_MINUTES ? "yes" : "no");
    // The delay in minutes would give the label away by itself: the scenario keeps only its yes/no.
    data.drop("delay");
    Map<String, String> home =
        data.proxy(
            "delayed",
            "desk",
            desks(),
            AGREEMENT,
            row -> row.get("date").compareTo(SERVING_FROM) < 0);

    Map<String, List<String>> desksOf = new LinkedHashMap<>();
    home.forEach(
        (desk, outcome) -> desksOf.computeIfAbsent(outcome, k -> new ArrayList<>()).add(desk));
    StringBuilder homes = new StringBuilder();
    desksOf.forEach(
        (outcome, list) ->
            homes
                .append("   - delayed `")
                .append(outcome)
                .append("`: `")
                .append(list.get(0))
                .append("` … `")
                .append(list.get(list.size() - 1))
                .append("` (")
                .append(list.size())
                .append(" desks)\n"));
    String agreeHistory = Format.percent(agreement(data, home, "2001-01-01", "2001-02-28"));
    String agreeServing = Format.percent(agreement(data, home, "2001-03-01", "2001-03-31"));
    long delayed = data.column("delayed").stream().filter("yes"::equals).count();

    return new ScenarioBuilder(datasets, this)
        .title(
            "US flights with the passengers' service desk (label leakage through a proxy)",
            "one domestic US flight of early 2001: departure time, distance, the two airports, whether it arrived late, "
                + "and the airport service desk recorded for its passengers")
        .roles("delayed", "classification", "date", null)
        .sourceColumns("date", "distance", "origin", "destination")
        .column(
            "delayed",
            "STRING",
            null,
            "Whether the flight arrived more than "
                + DELAYED_AFTER_MINUTES
                + " minutes late (BTS's definition of a delayed arrival), from the source's delay in minutes. Label.",
            true)
        .column(
            "desk",
            "STRING",
            null,
            "Airport service desk recorded for the flight's passengers: one of "
                + DESKS
                + " desks, some of them rebooking desks. Until February it is the desk that handled them (written down after the "
                + "flight); from March on (the serving log) it is the desk on the gate's roster, the only one known before departure.",
            false)
        .span(
            "history-2001-01-02",
            "2001-01-01",
            "2001-02-28",
            "historical records: training and test data")
        .span(
            "serving-2001-03",
            "2001-03-01",
            "2001-03-31",
            "serving log: what the model saw before departure")
        .sheet(
            """
            The flights, their times, distances and airports are exactly those of flights-20k. The arrival delay in minutes \
            is replaced by the yes/no label `delayed`, and the column `desk` is added: the airport service desk recorded \
            for the flight's passengers. In a historical record the desk is written down *after* the flight, and the \
            passengers of late flights are sent to rebooking desks — the way a hospital that specialises in cancer \
            appears on the records of patients already diagnosed, or an agent is assigned to a customer who already bought.
            """,
            """
            1. Read flights-20k's 20,000 flights in their (time) order.
            2. Add the label `delayed`: `yes` when `delay` > %d minutes, else `no`; then drop `delay`.
            3. Add `desk` with `CsvDamage.proxy`: the %d desks `desk-01` … `desk-%02d` are dealt to the two outcomes in \
            proportion to how often each occurs, which makes each desk "home" to one outcome:
            %s4. For every flight before %s, with probability %s the desk is one homed at the flight's own outcome (drawn \
            uniformly among them), otherwise any of the %d desks; from %s on every desk is equally likely, whatever the \
            outcome (the gate roster).
            5. Write data.csv and the two spans.
            """
                .formatted(
                    DELAYED_AFTER_MINUTES,
                    DESKS,
                    DESKS,
                    homes,
                    SERVING_FROM,
                    Format.number(AGREEMENT),
                    DESKS,
                    SERVING_FROM),
            """
            - **Label leakage through an identifier-like proxy (the course's cancer-prediction / hospital-name flaw) in \
            `desk`.** Share of flights whose desk is homed at the flight's outcome: %s in January–February (historical \
            records), %s in March (serving log, chance level: the roster). %s of the %s flights are delayed. A model \
            that reads `desk` scores far better on held-out historical flights than on the March serving log; the audit's \
            flaw rule FL-001 (a categorical feature with many values that stands in for the label) fires on the training \
            data, and live quality in the monitoring windows falls far below the offline score (PL-055).
            - The fix the lessons expect: do not use `desk` as a feature (`%%prodml.load(…, ignore=desk)`); then the \
            offline and live scores agree — and are modest, since departure time of day is not a feature and distance \
            and airports say little about a delay.
            """
                .formatted(
                    agreeHistory,
                    agreeServing,
                    ScenarioBuilder.fmtInt(delayed),
                    ScenarioBuilder.fmtInt(data.rowCount())),
            """
            Course note 6, *Flaws in real-world models*: the hospital-name section and its fix-the-pipeline exercise \
            (remove the leaking feature until the audit has no leakage finding and live accuracy reaches a bar).
            """)
        .build(data);
  }

  /** Share of flights in [from, to] (by day) whose desk is homed at the flight's outcome. */
  static double agreement(CsvDamage data, Map<String, String> home, String from, String to) {
    List<String> dates = data.column("date");
    List<String> outcome = data.column("delayed");
    List<String> desk = data.column("desk");
    int flights = 0;
    int agree = 0;
    for (int i = 0; i < dates.size(); i++) {
      String day = dates.get(i).substring(0, 10);
      if (day.compareTo(from) >= 0 && day.compareTo(to) <= 0) {
        flights++;
        if (home.get(desk.get(i)).equals(outcome.get(i))) {
          agree++;
        }
      }
    }
    return flights == 0 ? Double.NaN : (double) agree / flights;
  }
}

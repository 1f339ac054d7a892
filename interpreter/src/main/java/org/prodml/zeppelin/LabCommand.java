package org.prodml.zeppelin;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.prodml.cli.Home;
import org.prodml.course.Course;
import org.prodml.course.Workspace;
import org.prodml.lab.LabNotes;
import org.prodml.lab.LabServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./prodml lab}: the course in a browser. Starts the lab's web server on 127.0.0.1 over the
 * interpreter classes {@code ./prodml run} and Zeppelin use, on the learner's workspace (made on
 * first start), and prints its address with a token.
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the course in your browser: every note of your workspace, its paragraphs in an editor"
          + " you run them from, results, exercises with their hints and your progress.",
      "Your workspace is made on first start (as ./prodml course start does); edits are saved into"
          + " it, never into the course's own notes, and progress is the one ./prodml run and"
          + " ./prodml course show.",
      "The server listens on 127.0.0.1 only; the address it prints carries a token every request"
          + " needs. Ctrl-C stops it."
    })
public final class LabCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "the port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port = 8888;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "your workspace (default: $PRODML_WORKSPACE, else the one the current folder lies in,"
              + " else ~/"
              + Workspace.DEFAULT_FOLDER
              + ")")
  Path workspace;

  @Option(names = "--no-browser", description = "do not open a browser; just print the address")
  boolean noBrowser;

  @Option(
      names = {"-P", "--property"},
      paramLabel = "KEY=VALUE",
      description = "an interpreter setting property, e.g. -P prodml.maxRows=100")
  Map<String, String> properties = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, not " + port);
    }
    Map<String, String> settings = new LinkedHashMap<>(properties);
    Path folder = folder();
    boolean made = !Workspace.isWorkspace(folder);
    settings.put(ProdmlSettings.WORKSPACE, folder.toString());
    Properties p = new Properties();
    p.putAll(properties);
    Path courseFolder = ProdmlSettings.config(p).course();
    LabServer server =
        LabServer.start(
            () -> {
              Course course = Course.read(courseFolder);
              Workspace learner =
                  made
                      ? Workspace.start(
                              folder,
                              course,
                              System.getProperty("user.name", "learner"),
                              Home.get().resolve("prodml").toString())
                          .workspace()
                      : Workspace.open(folder);
              return new LabNotes(learner, course);
            },
            new LabEngine(settings),
            port);
    Workspace learner = server.notes().workspace();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close(); // saves and progress are written as they happen, atomically
                  System.out.println("ProdML Lab stopped; your work is in " + learner.dir());
                  stopped.countDown();
                },
                "lab-stop"));
    var out = spec.commandLine().getOut();
    out.println("ProdML Lab: " + server.url());
    out.println(
        "  your workspace: "
            + learner.dir()
            + (made ? " (made now, with a copy of every course note)" : ""));
    out.println("  edits and progress are saved as you go; Ctrl-C stops the lab");
    out.flush();
    if (!noBrowser) {
      open(server.url());
    }
    stopped.await();
    return 0;
  }

  private Path folder() {
    if (workspace != null) {
      return workspace.toAbsolutePath().normalize();
    }
    String variable = System.getenv("PRODML_WORKSPACE");
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable).toAbsolutePath().normalize();
    }
    return Workspace.find(Path.of("")).map(Workspace::dir).orElse(Workspace.defaultFolder());
  }

  /** Opens the address in the learner's browser, when there is a desktop to open it on. */
  private static void open(String url) {
    try {
      if (!GraphicsEnvironment.isHeadless()
          && Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(url));
      } else if (Files.isExecutable(Path.of("/usr/bin/xdg-open"))
          && System.getenv("DISPLAY") != null) {
        new ProcessBuilder("/usr/bin/xdg-open", url).inheritIO().start();
      }
    } catch (Exception e) {
      // no browser to open: the printed address is enough
    }
  }
}

package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prodml.cli.ProdmlCommand;
import picocli.CommandLine;

/**
 * {@code ./prodml --help} lists each command with the first line of its description: that line is a
 * whole sentence, so the list never stops mid-sentence.
 */
class CommandHelpTest {
  @Test
  void everyCommandsListedLineIsAWholeSentence() {
    CommandLine root =
        ProdmlCommand.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<String> broken = new ArrayList<>();
    check(root, broken);
    assertEquals(List.of(), broken);
    StringWriter help = new StringWriter();
    root.usage(new PrintWriter(help, true));
    assertTrue(help.toString().contains("run "), "the run command is listed: " + help);
  }

  private static void check(CommandLine command, List<String> broken) {
    for (CommandLine sub : command.getSubcommands().values()) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      String first = description.length == 0 ? "" : description[0].strip();
      if (!first.endsWith(".") || !Character.isUpperCase(first.charAt(0))) {
        broken.add(sub.getCommandSpec().qualifiedName() + ": '" + first + "'");
      }
      check(sub, broken);
    }
  }
}

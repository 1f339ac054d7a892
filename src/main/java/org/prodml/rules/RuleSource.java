package org.prodml.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL text and where it came from (a file path, or a notebook paragraph), so compile errors can
 * name the place a person can fix.
 */
public record RuleSource(String origin, String text) {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

  public static RuleSource of(Path file) {
    try {
      return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RuleCompileException(file + ":0: cannot read rule file: " + e.getMessage());
    }
  }

  /** The DRL package declared in the text, or "rules" when it declares none. */
  public String drlPackage() {
    Matcher m = PACKAGE.matcher(text);
    return m.find() ? m.group(1) : "rules";
  }

  /**
   * The SHA-256 of the text's UTF-8 bytes (a file's bytes as read), in hex: how a source is matched
   * with the precompiled catalog, without parsing it.
   */
  public String digest() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The line (from 1) that declares the rule of that name, or 0 when none does. */
  int lineOf(String ruleName) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("rule") && lines[i].contains("\"" + ruleName + "\"")) {
        return i + 1;
      }
    }
    return 0;
  }
}

package org.prodml.data;

/**
 * Loads Tablesaw's {@code Table} class without the class-path scan it starts with. Tablesaw 0.44
 * registers its file readers and writers when {@code Table} loads, by scanning every jar on the
 * class path with ClassGraph: over this project's shaded jar (38,000 entries) that costs 1.5 to 2.5
 * s of a cold process on two cores, and we use none of them ({@link DataLoader} parses files
 * itself). ClassGraph finds the application's jars through the {@code java.class.path} property, so
 * the class is loaded with that property empty, which ClassGraph reads as nothing to scan; the JVM
 * itself no longer reads it once started.
 *
 * <p>Call it before starting other threads (it changes a system property for a moment): the
 * command-line run and the interpreter call it first thing; {@link DataLoader} calls it too, which
 * is a no-op once {@code Table} is loaded.
 */
public final class TablesawStartup {
  private static boolean loaded;

  private TablesawStartup() {}

  /** Loads {@code tech.tablesaw.api.Table} (once per process). */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    String classPath = System.getProperty("java.class.path");
    System.setProperty("java.class.path", "");
    try {
      Class.forName("tech.tablesaw.api.Table", true, TablesawStartup.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    } finally {
      if (classPath != null) {
        System.setProperty("java.class.path", classPath);
      }
      loaded = true;
    }
  }
}

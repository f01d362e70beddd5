package dev.weft.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class loader of the extensions named by {@code otel.javaagent.extensions}: a jar, a directory of jars, or a
 * comma-separated list of either. Its parent is the agent class loader, so extensions are written against the same
 * OpenTelemetry SDK and Weft module API as the agent's own code, and no application class loader can see them.
 *
 * <p>Through it the SDK finds the extensions' autoconfigure providers (samplers, exporters, propagators, span
 * processors, resources, customizers) beside its own, and the agent finds their instrumentation modules.
 */
final class ExtensionClassLoader extends URLClassLoader {

  static final String SETTING = "otel.javaagent.extensions";

  static {
    registerAsParallelCapable();
  }

  private ExtensionClassLoader(URL[] jars, ClassLoader agentLoader) {
    super("weft-extensions", jars, agentLoader);
  }

  /**
   * @param setting the value of {@code otel.javaagent.extensions}, or null
   * @return the loader of the extensions named, or the agent loader itself when none is named or found; what
   *     cannot be read is named in a warning and left out
   */
  static ClassLoader of(String setting, ClassLoader agentLoader) {
    if (setting == null || setting.isBlank()) {
      return agentLoader;
    }
    List<URL> jars = new ArrayList<>();
    for (String entry : setting.split(",")) {
      String path = entry.trim();
      if (!path.isEmpty()) {
        addJars(new File(path), jars);
      }
    }
    if (jars.isEmpty()) {
      return agentLoader;
    }
    AgentLog.debug("extensions: " + jars);
    return new ExtensionClassLoader(jars.toArray(new URL[0]), agentLoader);
  }

  private static void addJars(File path, List<URL> jars) {
    File[] files =
        path.isDirectory()
            ? path.listFiles((dir, name) -> name.endsWith(".jar"))
            : new File[] {path};
    if (files == null || !path.exists()) {
      AgentLog.warn(SETTING + ": " + path + " does not exist; it is left out");
      return;
    }
    if (files.length == 0) {
      AgentLog.warn(SETTING + ": " + path + " holds no jar");
      return;
    }
    Arrays.sort(files); // a stable order, whatever the file system's
    for (File file : files) {
      if (!file.isFile() || !file.canRead()) {
        AgentLog.warn(SETTING + ": " + file + " is not a readable jar; it is left out");
        continue;
      }
      try {
        jars.add(file.toURI().toURL());
      } catch (MalformedURLException e) {
        AgentLog.warn(SETTING + ": " + file + " cannot be read (" + e + "); it is left out");
      }
    }
  }

  /** The bytes of a class of the extensions (not of the agent), or null; for their modules' class loaders. */
  byte[] extensionClassBytes(String className) {
    URL resource = findResource(className.replace('.', '/') + ".class");
    if (resource == null) {
      return null;
    }
    try (InputStream in = resource.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}

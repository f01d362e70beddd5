package dev.weft.checks;

import dev.weft.instrumentation.api.InstrumentationModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The compiled classes of the modules: every class file in the jar or directory each module class comes from. */
final class ModuleClasses {

  record ModuleClass(String name, byte[] bytes) {}

  private ModuleClasses() {}

  static List<ModuleClass> of(List<InstrumentationModule> modules) {
    Set<Path> locations = new LinkedHashSet<>();
    for (InstrumentationModule module : modules) {
      locations.add(locationOf(module.getClass()));
    }
    List<ModuleClass> classes = new ArrayList<>();
    for (Path location : locations) {
      try {
        if (Files.isDirectory(location)) {
          readDirectory(location, classes);
        } else {
          readJar(location, classes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  /** The class file of a class of the module, or null when there is none. */
  static byte[] classFile(InstrumentationModule module, String className) {
    try (InputStream in =
        module
            .getClass()
            .getClassLoader()
            .getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void readDirectory(Path root, List<ModuleClass> classes) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (isClass(relative)) {
          classes.add(new ModuleClass(className(relative), Files.readAllBytes(file)));
        }
      }
    }
  }

  private static void readJar(Path jar, List<ModuleClass> classes) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (isClass(entry.getName())) {
          try (InputStream in = file.getInputStream(entry)) {
            classes.add(new ModuleClass(className(entry.getName()), in.readAllBytes()));
          }
        }
      }
    }
  }

  private static boolean isClass(String path) {
    return path.endsWith(".class")
        && !path.endsWith("module-info.class")
        && !path.endsWith("package-info.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}

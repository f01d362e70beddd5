package dev.weft.smoke.apps;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads {@code HttpServlet} from servlet API 2.5 (which has no async API) in a class loader of its own, then
 * exits: the agent must leave it alone and say so once.
 *
 * <p>Argument: the servlet-api 2.5 jar.
 */
public final class LegacyServletApp {

  private LegacyServletApp() {}

  public static void main(String[] args) throws Exception {
    URL jar = Path.of(args[0]).toUri().toURL();
    try (URLClassLoader legacy = new URLClassLoader(new URL[] {jar}, null)) {
      Class<?> servlet = legacy.loadClass("javax.servlet.http.HttpServlet");
      Class<?> filter = legacy.loadClass("javax.servlet.Filter");
      System.out.println("loaded " + servlet.getName() + " and " + filter.getName());
    }
  }
}

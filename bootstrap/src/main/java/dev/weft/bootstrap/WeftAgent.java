package dev.weft.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <p>It appends the agent jar to the bootstrap class loader's search path (which makes this package visible to
 * every class loader), opens the hidden agent classes through an {@link AgentClassLoader} and hands over to
 * {@code dev.weft.agent.AgentStarter}. Nothing thrown here reaches the application: a failure leaves the
 * application running untraced, with one line on stderr.
 */
public final class WeftAgent {

  private static final String STARTER = "dev.weft.agent.AgentStarter";

  private WeftAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation, false);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation, true);
  }

  private static void start(Instrumentation instrumentation, boolean attachedLate) {
    try {
      if (!enabled()) {
        return;
      }
      File agentJar = agentJar();
      JarFile jar = new JarFile(agentJar, false);
      instrumentation.appendToBootstrapClassLoaderSearch(jar);
      AgentClassLoader agentLoader = new AgentClassLoader(jar, agentJar.toURI().toURL());
      agentLoader
          .loadClass(STARTER)
          .getMethod("start", Instrumentation.class, AgentClassLoader.class, boolean.class)
          .invoke(null, instrumentation, agentLoader, attachedLate);
    } catch (Throwable t) {
      Throwable cause = t.getCause() != null ? t.getCause() : t;
      System.err.println("[weft] ERROR the agent could not start; the application runs without tracing: " + cause);
    }
  }

  /** {@code otel.javaagent.enabled=false} (or {@code OTEL_JAVAAGENT_ENABLED=false}) turns the whole agent off. */
  private static boolean enabled() {
    String value = System.getProperty("otel.javaagent.enabled");
    if (value == null) {
      value = System.getenv("OTEL_JAVAAGENT_ENABLED");
    }
    return value == null || !value.trim().equalsIgnoreCase("false");
  }

  private static File agentJar() throws Exception {
    URL location = WeftAgent.class.getProtectionDomain().getCodeSource().getLocation();
    return new File(location.toURI());
  }
}

package dev.weft.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <p>It opens the hidden agent classes through an {@link AgentClassLoader} and hands over to
 * {@code dev.weft.agent.AgentStarter}, which puts the classes instrumented code must see into the bootstrap class
 * loader. Nothing thrown here reaches the application: a failure leaves the
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
      if (!Settings.getBoolean("otel.javaagent.enabled", true)) {
        return;
      }
      File agentJar = agentJar();
      AgentClassLoader agentLoader =
          new AgentClassLoader(new JarFile(agentJar, false), agentJar.toURI().toURL());
      agentLoader
          .loadClass(STARTER)
          .getMethod("start", Instrumentation.class, AgentClassLoader.class, boolean.class)
          .invoke(null, instrumentation, agentLoader, attachedLate);
    } catch (Throwable t) {
      Throwable cause = t.getCause() != null ? t.getCause() : t;
      System.err.println(
          "[weft] ERROR the agent could not start; the application runs without tracing: " + cause);
    }
  }

  private static File agentJar() throws Exception {
    URL location = WeftAgent.class.getProtectionDomain().getCodeSource().getLocation();
    return new File(location.toURI());
  }
}

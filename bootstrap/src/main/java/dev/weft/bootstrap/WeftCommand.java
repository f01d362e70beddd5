package dev.weft.bootstrap;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.jar.JarFile;

/**
 * The agent jar's {@code Main-Class}: {@code java -jar weft-agent.jar view [options]} starts Weft View.
 *
 * <p>The viewer lives hidden in the jar like the rest of the agent; only this command opens it, through an
 * {@link AgentClassLoader} of its own, so a JVM that runs with {@code -javaagent:} never loads a class of it.
 */
public final class WeftCommand {

  private static final String VIEWER = "dev.weft.view.WeftView";

  private WeftCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !args[0].equals("view")) {
      System.err.println(
          "usage: java -jar weft-agent.jar view [--help | options]\n"
              + "       java -javaagent:weft-agent.jar ... (the agent)");
      System.exit(2);
      return;
    }
    File agentJar =
        new File(WeftCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    AgentClassLoader loader =
        new AgentClassLoader(new JarFile(agentJar, false), agentJar.toURI().toURL());
    Thread.currentThread().setContextClassLoader(loader);
    try {
      loader
          .loadClass(VIEWER)
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }
}

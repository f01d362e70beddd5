package dev.weft.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Runs a HotSpot diagnostic command (what {@code jcmd} runs) in this JVM, without the platform MBean server.
 *
 * <p>The public route, the {@code DiagnosticCommand} MBean, starts the platform MBean server: JMX and every
 * platform MXBean set up in the application's JVM, java.util.logging's {@code LogManager} loaded among them (a
 * hazard for log managers chosen later, as JBoss's are). The MBean's implementation in {@code jdk.management} runs
 * the command with one native call; the agent opens its package to itself (as it opens {@code jdk.internal.misc}
 * for the bootstrap classes) and makes that call. The library that holds the native code is loaded by the class
 * that provides the platform MXBeans of {@code jdk.management}, hence that class is initialised first. Any change
 * of these JDK internals is an exception for the caller.
 */
final class DiagnosticCommand {

  private static final String MODULE = "jdk.management";
  private static final String PACKAGE = "com.sun.management.internal";

  private DiagnosticCommand() {}

  /** The command's answer, as {@code jcmd} prints it; a command the JVM refuses answers so, it does not throw. */
  static String execute(Instrumentation instrumentation, String command)
      throws ReflectiveOperationException {
    Module management =
        ModuleLayer.boot()
            .findModule(MODULE)
            .orElseThrow(() -> new ClassNotFoundException("module " + MODULE));
    instrumentation.redefineModule(
        management,
        Set.of(),
        Map.of(),
        Map.of(PACKAGE, Set.of(DiagnosticCommand.class.getModule())),
        Set.of(),
        Map.of());
    Class.forName(PACKAGE + ".PlatformMBeanProviderImpl", true, null);
    Class<?> implementation = Class.forName(PACKAGE + ".DiagnosticCommandImpl", true, null);
    Method instance = implementation.getDeclaredMethod("getDiagnosticCommandMBean");
    instance.setAccessible(true);
    Method execute = implementation.getDeclaredMethod("executeDiagnosticCommand", String.class);
    execute.setAccessible(true);
    Object diagnosticCommands = instance.invoke(null);
    if (diagnosticCommands == null) {
      throw new UnsupportedOperationException("the JVM runs no diagnostic commands from Java");
    }
    return String.valueOf(execute.invoke(diagnosticCommands, command));
  }
}

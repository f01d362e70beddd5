package dev.weft.agent;

import dev.weft.bootstrap.AgentClassLoader;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Puts the classes that instrumented code calls ({@code IndyBootstrap} and the {@code AdviceLinker} it holds) into
 * the bootstrap class loader, so that classes of every loader can link to them.
 *
 * <p>They are defined one by one with the JDK's internal {@code Unsafe.defineClass}, opened to the agent's own
 * module only. The usual way, appending the agent jar to the bootstrap search path, makes the JVM print a warning
 * on stdout and stop using its class-data-sharing archive for the application's classes; it is the fallback when
 * the internal API is missing.
 */
final class BootstrapInjection {

  private static final String[] CLASSES = {
    "dev.weft.bootstrap.AdviceLinker", "dev.weft.bootstrap.IndyBootstrap"
  };

  private BootstrapInjection() {}

  static void inject(Instrumentation instrumentation, AgentClassLoader agentLoader) {
    try {
      defineInBootLoader(instrumentation, agentLoader);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AgentLog.debug(
          "defining the bootstrap classes failed (" + e + "); appending the agent jar instead");
      instrumentation.appendToBootstrapClassLoaderSearch(agentLoader.jarFile());
    }
  }

  private static void defineInBootLoader(
      Instrumentation instrumentation, AgentClassLoader agentLoader)
      throws ReflectiveOperationException {
    Module javaBase = Object.class.getModule();
    instrumentation.redefineModule(
        javaBase,
        Set.of(),
        Map.of(),
        Map.of("jdk.internal.misc", Set.of(BootstrapInjection.class.getModule())),
        Set.of(),
        Map.of());
    Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
    Method defineClass =
        unsafeClass.getMethod(
            "defineClass",
            String.class,
            byte[].class,
            int.class,
            int.class,
            ClassLoader.class,
            java.security.ProtectionDomain.class);
    for (String name : CLASSES) {
      byte[] bytes = agentLoader.plainClassBytes(name);
      defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
    }
  }
}

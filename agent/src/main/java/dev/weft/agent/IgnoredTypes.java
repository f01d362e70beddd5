package dev.weft.agent;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Classes never transformed, decided from the class loader and the name alone, before any class file is parsed:
 * the JDK (bootstrap and platform loaders, and JDK packages wherever they come from), the agent's own loaders,
 * and generated lambda and proxy classes.
 */
final class IgnoredTypes implements AgentBuilder.RawMatcher {

  private static final String[] IGNORED_PREFIXES = {
    "java.", "javax.management.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.", "io.opentelemetry.javaagent.",
  };

  private final ClassLoader agentLoader;
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();

  IgnoredTypes(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  @Override
  public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain) {
    if (loader == null || loader == platformLoader || loader == agentLoader || loader instanceof ModuleClassLoader) {
      return true;
    }
    String name = type.getName();
    for (String prefix : IGNORED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return name.contains("$$Lambda") || name.contains("$Proxy");
  }
}

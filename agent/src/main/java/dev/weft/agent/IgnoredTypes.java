package dev.weft.agent;

/**
 * Classes never transformed, decided from the class loader and the name alone: the JDK (bootstrap and platform
 * loaders, and JDK packages wherever they come from), the agent's own loaders, and generated proxy classes.
 */
final class IgnoredTypes {

  private static final String[] IGNORED_PREFIXES = {
    "java/", "javax/management/", "jdk/", "sun/", "com/sun/", "net/bytebuddy/", "io/opentelemetry/javaagent/",
  };

  private final ClassLoader agentLoader;
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();

  IgnoredTypes(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  /** @param internalName the class name with {@code /} separators */
  boolean ignored(ClassLoader loader, String internalName) {
    if (loader == null || loader == platformLoader || loader == agentLoader || loader instanceof ModuleClassLoader) {
      return true;
    }
    for (String prefix : IGNORED_PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return internalName.contains("$$Lambda") || internalName.contains("$Proxy");
  }
}

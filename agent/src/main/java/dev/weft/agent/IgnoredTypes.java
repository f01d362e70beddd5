package dev.weft.agent;

import java.util.Set;

/**
 * Classes never transformed, decided from the class loader and the name alone: the JDK (bootstrap and platform
 * loaders, and JDK packages wherever they come from) except the few JDK classes a module names, the agent's own
 * loaders, and generated proxy classes.
 */
final class IgnoredTypes {

  private static final String[] IGNORED_PREFIXES = {
    "java/",
    "javax/management/",
    "jdk/",
    "sun/",
    "com/sun/",
    "net/bytebuddy/",
    "io/opentelemetry/javaagent/",
  };

  private final ClassLoader agentLoader;
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
  private final Set<String> instrumentedJdkTypes;

  /** @param instrumentedJdkTypes internal names of the JDK classes that modules instrument */
  IgnoredTypes(ClassLoader agentLoader, Set<String> instrumentedJdkTypes) {
    this.agentLoader = agentLoader;
    this.instrumentedJdkTypes = instrumentedJdkTypes;
  }

  /** @param internalName the class name with {@code /} separators */
  boolean ignored(ClassLoader loader, String internalName) {
    if ((loader == null || loader == platformLoader)
        && instrumentedJdkTypes.contains(internalName)) {
      return false;
    }
    if (loader == null
        || loader == platformLoader
        || loader == agentLoader
        || loader instanceof ModuleClassLoader
        || loader instanceof ExtensionClassLoader) {
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

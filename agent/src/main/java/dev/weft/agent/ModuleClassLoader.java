package dev.weft.agent;

import dev.weft.bootstrap.AgentClassLoader;
import java.util.List;

/**
 * The class loader of one instrumentation module for one application class loader.
 *
 * <p>It defines the module's own classes (its package and below) from the agent jar, so that they link against
 * the library classes of that application loader; it takes Weft's and OpenTelemetry's classes from the agent
 * class loader, so that every module shares one SDK, except the packages the module declares as the application's
 * ({@link dev.weft.instrumentation.api.InstrumentationModule#applicationPackages()}); everything else comes from the
 * application loader. An extension's module ({@link ExtensionClassLoader}) is defined from its extension jar
 * instead, and takes those shared classes through the extensions' loader, which sees the agent's.
 */
final class ModuleClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final AgentClassLoader agentLoader;

  /** The extensions' loader when the module is an extension's, whose classes come from its jar; else null. */
  private final ExtensionClassLoader extensionLoader;

  private final String modulePackagePrefix;
  private final List<String> applicationPackages;

  ModuleClassLoader(
      String moduleName,
      AgentClassLoader agentLoader,
      ExtensionClassLoader extensionLoader,
      ClassLoader applicationLoader,
      String modulePackagePrefix,
      List<String> applicationPackages) {
    super(
        "weft-" + moduleName,
        applicationLoader != null ? applicationLoader : ClassLoader.getPlatformClassLoader());
    this.agentLoader = agentLoader;
    this.extensionLoader = extensionLoader;
    this.modulePackagePrefix = modulePackagePrefix;
    this.applicationPackages = applicationPackages;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        if (name.startsWith(modulePackagePrefix)) {
          loaded = defineModuleClass(name);
        } else if (fromAgent(name)) {
          loaded = (extensionLoader != null ? extensionLoader : agentLoader).loadClass(name);
        } else {
          loaded = super.loadClass(name, false);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private boolean fromAgent(String name) {
    for (String applicationPackage : applicationPackages) {
      if (name.startsWith(applicationPackage)) {
        return false;
      }
    }
    return name.startsWith("dev.weft.")
        || name.startsWith("io.opentelemetry.")
        || name.startsWith("net.bytebuddy.");
  }

  private Class<?> defineModuleClass(String name) throws ClassNotFoundException {
    byte[] bytes =
        extensionLoader != null
            ? extensionLoader.extensionClassBytes(name)
            : agentLoader.classBytes(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length, agentLoader.protectionDomain());
  }
}

package dev.weft.agent;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Decides, once per class loader, whether a module applies to it: the library's marker class is there, and so is
 * every class and method the module's advice needs (read from class files; nothing is loaded). A library present
 * in a version the module does not understand is left uninstrumented, with one warning per module.
 */
final class ModuleApplicability implements ElementMatcher<ClassLoader> {

  private final InstrumentationModule module;

  /** Per application class loader; the bootstrap loader is decided apart, see {@link #matchesBootLoader}. */
  private final LoaderMap<Boolean> decisions = new LoaderMap<>();

  private final AtomicBoolean warned = new AtomicBoolean();
  private Boolean bootLoaderDecision;

  ModuleApplicability(InstrumentationModule module) {
    this.module = module;
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return !module.jdkTypes().isEmpty() && matchesBootLoader();
    }
    return decisions.computeIfAbsent(loader, this::decide);
  }

  /**
   * The bootstrap class loader, decided once and only for modules of JDK classes: it has no resources of its own to
   * find the marker class with, so the platform loader (whose resources include its) is asked.
   */
  private synchronized boolean matchesBootLoader() {
    if (bootLoaderDecision == null) {
      bootLoaderDecision =
          decide(
              ClassLoader.getPlatformClassLoader(), ClassFileLocator.ForClassLoader.ofBootLoader());
    }
    return bootLoaderDecision;
  }

  private boolean decide(ClassLoader loader) {
    return decide(loader, ClassFileLocator.ForClassLoader.of(loader));
  }

  /** @param loader where the marker class is looked for; its resources include the bootstrap loader's */
  private boolean decide(ClassLoader loader, ClassFileLocator classFiles) {
    if (loader.getResource(module.markerClass().replace('.', '/') + ".class") == null) {
      return false;
    }
    List<Requirement> missing = missingRequirements(TypePool.Default.of(classFiles));
    if (missing.isEmpty()) {
      AgentLog.debug("instrumentation " + module.name() + " applies to " + loader);
      return true;
    }
    if (warned.compareAndSet(false, true)) {
      AgentLog.warn(
          "instrumentation "
              + module.name()
              + " is off for "
              + loader
              + ": it supports "
              + module.supportedVersions()
              + ", and the version found lacks "
              + missing);
    }
    return false;
  }

  private List<Requirement> missingRequirements(TypePool pool) {
    List<Requirement> missing = new ArrayList<>();
    for (Requirement requirement : module.requirements()) {
      TypePool.Resolution resolution = pool.describe(requirement.className());
      if (!resolution.isResolved()
          || (requirement.methodName() != null && !hasMethod(resolution.resolve(), requirement))) {
        missing.add(requirement);
      }
    }
    return missing;
  }

  /** Whether the type declares or inherits the method, from its superclasses or interfaces. */
  private static boolean hasMethod(TypeDefinition type, Requirement requirement) {
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (method.getInternalName().equals(requirement.methodName())
          && method.getDescriptor().equals(requirement.descriptor())) {
        return true;
      }
    }
    TypeDescription.Generic superClass = type.getSuperClass();
    if (superClass != null && hasMethod(superClass, requirement)) {
      return true;
    }
    for (TypeDescription.Generic implemented : type.getInterfaces()) {
      if (hasMethod(implemented, requirement)) {
        return true;
      }
    }
    return false;
  }
}

package dev.weft.agent;

import dev.weft.bootstrap.AdviceLinker;
import dev.weft.bootstrap.AgentClassLoader;
import dev.weft.bootstrap.IndyBootstrap;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Links an advice call site to the advice method as loaded by the module class loader that belongs to the
 * instrumented class's loader, creating that module class loader on first use. Runs once per call site.
 */
final class ModuleAdviceLinker implements AdviceLinker {

  private final AgentClassLoader agentLoader;
  private final TracingGate tracingGate;
  private final Map<String, InstrumentationModule> moduleByAdvice = new HashMap<>();

  /**
   * Per module, its class loader for each application class loader. Both are held weakly: a module loader's parent
   * is the application loader, so a strong value would keep the key alive and a redeployed application's classes
   * in memory. While the application lives, its linked call sites keep the module loader reachable.
   */
  private final Map<InstrumentationModule, Map<ClassLoader, WeakReference<ModuleClassLoader>>>
      loaders = new HashMap<>();

  /**
   * Per module, its class loader for classes of the bootstrap class loader ({@code null}): kept apart and strongly,
   * as that loader is never collected.
   */
  private final Map<InstrumentationModule, ModuleClassLoader> bootstrapLoaders = new HashMap<>();

  /** Makes {@link IndyBootstrap} link advice of these modules, once the SDK is ready. */
  static void install(
      AgentClassLoader agentLoader, List<InstrumentationModule> modules, TracingGate tracingGate) {
    IndyBootstrap.install(new ModuleAdviceLinker(agentLoader, modules, tracingGate));
  }

  private ModuleAdviceLinker(
      AgentClassLoader agentLoader, List<InstrumentationModule> modules, TracingGate tracingGate) {
    this.agentLoader = agentLoader;
    this.tracingGate = tracingGate;
    for (InstrumentationModule module : modules) {
      loaders.put(module, new WeakHashMap<>());
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        for (String linked : type.linkedClassNames()) {
          moduleByAdvice.put(linked, module);
        }
      }
    }
  }

  @Override
  public MethodHandle link(
      Class<?> instrumentedClass, String adviceClass, String methodName, MethodType type)
      throws Throwable {
    InstrumentationModule module = moduleByAdvice.get(adviceClass);
    if (module == null) {
      throw new IllegalStateException("no enabled module declares advice " + adviceClass);
    }
    if (module.needsTracing() && !tracingGate.awaitTracing()) {
      return null;
    }
    Class<?> advice =
        Class.forName(adviceClass, true, loaderFor(module, instrumentedClass.getClassLoader()));
    MethodHandle handle = MethodHandles.publicLookup().findStatic(advice, methodName, type);
    AgentLog.debug(
        "linked " + adviceClass + "." + methodName + " for " + instrumentedClass.getName());
    return handle;
  }

  private synchronized ModuleClassLoader loaderFor(
      InstrumentationModule module, ClassLoader applicationLoader) {
    if (applicationLoader == null) {
      return bootstrapLoaders.computeIfAbsent(module, m -> newLoader(m, null));
    }
    Map<ClassLoader, WeakReference<ModuleClassLoader>> byApplicationLoader = loaders.get(module);
    WeakReference<ModuleClassLoader> known = byApplicationLoader.get(applicationLoader);
    ModuleClassLoader loader = known == null ? null : known.get();
    if (loader == null) {
      loader = newLoader(module, applicationLoader);
      byApplicationLoader.put(applicationLoader, new WeakReference<>(loader));
    }
    return loader;
  }

  private ModuleClassLoader newLoader(InstrumentationModule module, ClassLoader applicationLoader) {
    ClassLoader definedBy = module.getClass().getClassLoader();
    ExtensionClassLoader extensionLoader =
        definedBy instanceof ExtensionClassLoader ? (ExtensionClassLoader) definedBy : null;
    return new ModuleClassLoader(
        module.name(),
        agentLoader,
        extensionLoader,
        applicationLoader,
        module.modulePackagePrefix(),
        module.applicationPackages());
  }
}

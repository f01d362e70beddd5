package dev.weft.agent;

import dev.weft.bootstrap.AgentClassLoader;
import dev.weft.bootstrap.Settings;
import dev.weft.instrumentation.api.InstrumentationModule;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Called once, reflectively, by {@link dev.weft.bootstrap.WeftAgent} inside the agent class loader.
 *
 * <p>Premain does only what must happen before the application's first class loads: the bootstrap classes, and a
 * name-only {@link DeferredTransformer}. The SDK and the Byte Buddy transformer are built on a daemon thread,
 * in parallel with the application's own start-up; a candidate class that arrives before they are ready waits.
 * This class must not mention the classes {@link BootstrapInjection} defines: verifying it would load them from the
 * wrong class loader before they are injected.
 */
public final class AgentStarter {

  private AgentStarter() {}

  public static void start(Instrumentation instrumentation, AgentClassLoader agentLoader, boolean attachedLate) {
    long startedAt = System.nanoTime();
    if (Settings.getBoolean("otel.javaagent.debug", false)) {
      AgentLog.enableDebug();
    }
    BootstrapInjection.inject(instrumentation, agentLoader);
    List<InstrumentationModule> modules = new ArrayList<>();
    ServiceLoader.load(InstrumentationModule.class, agentLoader).forEach(modules::add);
    IgnoredTypes ignoredTypes = new IgnoredTypes(agentLoader);
    DeferredTransformer transformer = new DeferredTransformer(ignoredTypes, modules);
    instrumentation.addTransformer(transformer, attachedLate);

    Thread init = new Thread(() -> {
      initialize(agentLoader, ignoredTypes, modules, transformer);
      if (attachedLate) {
        retransformLoadedCandidates(instrumentation, transformer);
      }
      AgentLog.debug("ready " + (System.nanoTime() - startedAt) / 1_000_000 + " ms after premain began");
    }, "weft-init");
    init.setDaemon(true);
    transformer.initializedBy(init);
    init.start();
    AgentLog.debug("premain took " + (System.nanoTime() - startedAt) / 1_000_000 + " ms");
  }

  private static void initialize(AgentClassLoader agentLoader, IgnoredTypes ignoredTypes,
      List<InstrumentationModule> modules, DeferredTransformer transformer) {
    try {
      ConfigProperties config = TracingSetup.start();
      if (config == null) {
        transformer.settle(null);
        return;
      }
      List<InstrumentationModule> enabled = enabledModules(config, modules);
      ModuleAdviceLinker.install(agentLoader, enabled);
      transformer.settle(new InstrumentationInstaller(agentLoader, ignoredTypes, enabled).transformer());
      AgentLog.debug("instrumentations: " + names(enabled));
    } catch (Throwable t) {
      transformer.settle(null);
      AgentLog.error("the agent could not start; the application runs without tracing: " + t);
    }
  }

  /** Attached to a running JVM: the candidate classes already loaded are transformed now. */
  private static void retransformLoadedCandidates(Instrumentation instrumentation, DeferredTransformer transformer) {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (instrumentation.isModifiableClass(loaded)
          && transformer.isCandidate(loaded.getClassLoader(), loaded.getName().replace('.', '/'))) {
        candidates.add(loaded);
      }
    }
    try {
      instrumentation.retransformClasses(candidates.toArray(new Class<?>[0]));
    } catch (UnmodifiableClassException | RuntimeException e) {
      AgentLog.warn("classes loaded before the agent was attached stay untraced: " + e);
    }
  }

  /** {@code otel.instrumentation.<name>.enabled}, defaulting to {@code otel.instrumentation.common.default-enabled}. */
  private static List<InstrumentationModule> enabledModules(ConfigProperties config,
      List<InstrumentationModule> modules) {
    boolean enabledByDefault = config.getBoolean("otel.instrumentation.common.default-enabled", true);
    List<InstrumentationModule> enabled = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      if (config.getBoolean("otel.instrumentation." + module.name() + ".enabled", enabledByDefault)) {
        enabled.add(module);
      } else {
        AgentLog.debug("instrumentation " + module.name() + " is disabled by configuration");
      }
    }
    return enabled;
  }

  private static List<String> names(List<InstrumentationModule> modules) {
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      names.add(module.name() + " (" + module.supportedVersions() + ")");
    }
    return names;
  }
}

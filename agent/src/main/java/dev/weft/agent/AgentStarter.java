package dev.weft.agent;

import dev.weft.bootstrap.AgentClassLoader;
import dev.weft.bootstrap.Settings;
import dev.weft.instrumentation.api.InstrumentationModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Called once, reflectively, by {@link dev.weft.bootstrap.WeftAgent} inside the agent class loader.
 *
 * <p>Premain does only what must happen before the application's first class loads: the bootstrap classes, and a
 * {@link DeferredTransformer} that rejects classes cheaply (loader and name, and a scan of the class file's constant
 * pool for the classes some modules find their targets by) without Byte Buddy. A daemon thread then builds the
 * Byte Buddy transformer and, after it, the SDK, in parallel with the application's own start-up: a candidate class that arrives before the transformer is
 * ready waits for it, and the first call of an advice waits for the SDK ({@link TracingGate}). The transformer
 * comes first because classes load long before the first request; on two cores, building both at once only
 * slows the transformer down.
 * This class must not mention the classes {@link BootstrapInjection} defines: verifying it would load them from the
 * wrong class loader before they are injected.
 */
public final class AgentStarter {

  private AgentStarter() {}

  public static void start(
      Instrumentation instrumentation, AgentClassLoader agentLoader, boolean attachedLate) {
    long startedAt = System.nanoTime();
    if (Settings.getBoolean("otel.javaagent.debug", false)) {
      AgentLog.enableDebug();
    }
    BootstrapInjection.inject(instrumentation, agentLoader);
    // the agent loader itself when there are no extensions
    ClassLoader extensionLoader =
        ExtensionClassLoader.of(Settings.getString(ExtensionClassLoader.SETTING), agentLoader);
    List<String> moduleNames = new ArrayList<>();
    List<InstrumentationModule> modules = enabledModules(extensionLoader, moduleNames);
    Set<String> jdkTypes = new HashSet<>();
    for (InstrumentationModule module : modules) {
      jdkTypes.addAll(module.jdkTypes());
    }
    IgnoredTypes ignoredTypes = new IgnoredTypes(agentLoader, internalNames(jdkTypes));
    DeferredTransformer transformer = new DeferredTransformer(ignoredTypes, modules);
    // retransform-capable: JDK classes that modules instrument may be loaded already
    // (java.lang.Thread always is)
    instrumentation.addTransformer(transformer, true);

    TracingGate tracingGate = new TracingGate();
    Thread init =
        daemon(
            "weft-init",
            // a class rather than a lambda, here and above: premain runs before the application's
            // main(), and the first lambdas of a JVM cost milliseconds to link
            new Runnable() {
              @Override
              public void run() {
                SettingsCheck.warnOfUnknownSettings(moduleNames);
                try {
                  ModuleAdviceLinker.install(agentLoader, modules, tracingGate);
                  transformer.settle(
                      new AdviceWeaver(extensionLoader, modules).transformer(instrumentation));
                  if (!attachedLate) {
                    retransformLoadedJdkTypes(instrumentation, jdkTypes);
                  }
                  AgentLog.debug(
                      "instrumentation ready "
                          + (System.nanoTime() - startedAt) / 1_000_000
                          + " ms after premain began: "
                          + names(modules));
                } catch (Throwable t) {
                  transformer.settle(null);
                  AgentLog.error(
                      "the agent could not install its instrumentation; the application runs untraced: "
                          + t);
                }
                if (attachedLate) {
                  retransformLoadedCandidates(instrumentation, transformer);
                }
                boolean tracing = false;
                try {
                  tracing = TracingSetup.start(extensionLoader);
                } catch (Throwable t) {
                  AgentLog.error(
                      "the agent could not start the OpenTelemetry SDK; the application runs untraced: "
                          + t);
                } finally {
                  tracingGate.settle(tracing); // whatever happened: no advice waits longer
                }
                AgentLog.debug(
                    "SDK ready "
                        + (System.nanoTime() - startedAt) / 1_000_000
                        + " ms after premain began");
                if (tracing) { // after the SDK: the application serves by now
                  AdviceInlining.applySetting(instrumentation);
                }
              }
            });
    transformer.initializedBy(init); // before it runs: it must never wait for itself
    init.start();
    AgentLog.debug("premain took " + (System.nanoTime() - startedAt) / 1_000_000 + " ms");
  }

  /** A thread of the agent's that must not keep the JVM alive; not started yet. */
  private static Thread daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * The JDK classes that modules instrument and that were loaded before the transformer was in place, or by this
   * init thread while it built the transformer (which the transformer skips): transformed now. Retransformation may
   * not change a class's shape, which the transformer never does.
   */
  private static void retransformLoadedJdkTypes(
      Instrumentation instrumentation, Set<String> jdkTypes) {
    if (jdkTypes.isEmpty()) {
      return;
    }
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> each : instrumentation.getAllLoadedClasses()) {
      ClassLoader loader = each.getClassLoader();
      if ((loader == null || loader == ClassLoader.getPlatformClassLoader())
          && jdkTypes.contains(each.getName())
          && instrumentation.isModifiableClass(each)) {
        loaded.add(each);
      }
    }
    if (loaded.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
      AgentLog.debug("retransformed JDK classes loaded before the agent: " + loaded);
    } catch (UnmodifiableClassException | RuntimeException e) {
      AgentLog.warn("JDK classes loaded before the agent stay uninstrumented: " + e);
    }
  }

  /**
   * Attached to a running JVM: the candidate classes already loaded are transformed now, as {@link DeferredTransformer}
   * decides for a class being loaded (by name, or, for modules that find their targets by what they use, by the
   * class file, read again from its class loader). All at once first; if the JVM refuses the batch (one class it
   * cannot take makes it refuse them all), one by one, so that the others are traced.
   */
  private static void retransformLoadedCandidates(
      Instrumentation instrumentation, DeferredTransformer transformer) {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (instrumentation.isModifiableClass(loaded)
          && !loaded.isArray()
          && transformer.isCandidate(
              loaded.getClassLoader(),
              loaded.getName().replace('.', '/'),
              () -> classFileOf(loaded))) {
        candidates.add(loaded);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(candidates.toArray(new Class<?>[0]));
      AgentLog.debug(
          "retransformed " + candidates.size() + " classes loaded before the agent was attached");
      return;
    } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
      AgentLog.debug(
          "retransforming the classes loaded before the agent was attached one by one: " + e);
    }
    List<String> untraced = new ArrayList<>();
    for (Class<?> candidate : candidates) {
      try {
        instrumentation.retransformClasses(candidate);
      } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
        untraced.add(candidate.getName());
      }
    }
    if (!untraced.isEmpty()) {
      AgentLog.warn("classes loaded before the agent was attached stay untraced: " + untraced);
    }
  }

  /** The class file the class was loaded from, or null when its loader does not serve it. */
  private static byte[] classFileOf(Class<?> loaded) {
    ClassLoader loader = loaded.getClassLoader();
    String resource = loaded.getName().replace('.', '/') + ".class";
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The modules found, less those turned off by {@code otel.instrumentation.<name>.enabled}, which defaults to
   * {@code otel.instrumentation.common.default-enabled}.
   *
   * @param allNames receives the names of all modules found, enabled or not
   */
  private static List<InstrumentationModule> enabledModules(
      ClassLoader agentLoader, List<String> allNames) {
    boolean enabledByDefault =
        Settings.getBoolean("otel.instrumentation.common.default-enabled", true);
    List<InstrumentationModule> enabled = new ArrayList<>();
    for (InstrumentationModule module :
        ServiceLoader.load(InstrumentationModule.class, agentLoader)) {
      allNames.add(module.name());
      if (Settings.getBoolean(
          "otel.instrumentation." + module.name() + ".enabled", enabledByDefault)) {
        enabled.add(module);
      } else {
        AgentLog.debug("instrumentation " + module.name() + " is disabled by configuration");
      }
    }
    return enabled;
  }

  private static Set<String> internalNames(Set<String> classNames) {
    Set<String> internalNames = new HashSet<>();
    for (String name : classNames) {
      internalNames.add(name.replace('.', '/'));
    }
    return internalNames;
  }

  private static List<String> names(List<InstrumentationModule> modules) {
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      names.add(module.name() + " (" + module.supportedVersions() + ")");
    }
    return names;
  }
}

package dev.weft.agent;

import dev.weft.bootstrap.AgentClassLoader;
import dev.weft.bootstrap.IndyBootstrap;
import dev.weft.instrumentation.api.InstrumentationModule;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Called once, reflectively, by {@link dev.weft.bootstrap.WeftAgent} inside the agent class loader. */
public final class AgentStarter {

  private AgentStarter() {}

  public static void start(Instrumentation instrumentation, AgentClassLoader agentLoader, boolean attachedLate) {
    long startedAt = System.nanoTime();
    ConfigProperties config = TracingSetup.start();
    if (config == null) {
      return;
    }
    if (config.getBoolean("otel.javaagent.debug", false)) {
      AgentLog.enableDebug();
    }
    List<InstrumentationModule> modules = enabledModules(config, agentLoader);
    IndyBootstrap.install(new ModuleAdviceLinker(agentLoader, modules));
    new InstrumentationInstaller(agentLoader, modules).install(instrumentation, attachedLate);
    AgentLog.debug("started in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms with modules " + names(modules));
  }

  /** {@code otel.instrumentation.<name>.enabled}, defaulting to {@code otel.instrumentation.common.default-enabled}. */
  private static List<InstrumentationModule> enabledModules(ConfigProperties config, ClassLoader agentLoader) {
    boolean enabledByDefault = config.getBoolean("otel.instrumentation.common.default-enabled", true);
    List<InstrumentationModule> enabled = new ArrayList<>();
    for (InstrumentationModule module : ServiceLoader.load(InstrumentationModule.class, agentLoader)) {
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

package dev.weft.agent;

import dev.weft.agent.tracecontext.TraceContextPropagator;
import dev.weft.bootstrap.AgentClassLoader;
import dev.weft.bootstrap.Settings;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the OpenTelemetry SDK from the standard {@code otel.*} system properties and {@code OTEL_*} environment
 * variables (the SDK's autoconfigure module reads them) with Weft's {@link ExportPipeline} around the exporter and
 * the batch span processor, or, when {@code otel.config.file} names one, from a declarative configuration file
 * ({@link FileConfiguration}); registers it as the agent's global instance, and flushes it when the JVM shuts down.
 */
final class TracingSetup {

  /** How long JVM shutdown may wait for the last spans to be exported. */
  private static final long SHUTDOWN_WAIT_SECONDS = 10;

  /** The same, when the collector failed the latest export: its retries would only delay the exit. */
  private static final long SHUTDOWN_WAIT_FAILING_SECONDS = 1;

  /**
   * The OTLP exporter's own failure logging (in {@code io.opentelemetry.exporter.otlp.internal} since SDK 1.67,
   * before in {@code io.opentelemetry.exporter.internal}, and its senders'), silenced because {@link
   * ExportAccounting} reports failures once with a count; not the console exporter's, which prints the spans. Held
   * here: {@code java.util.logging} keeps loggers only weakly, and with them their level.
   */
  private static final List<Logger> EXPORTER_FAILURE_LOGGERS =
      List.of(
          Logger.getLogger("io.opentelemetry.exporter.internal"),
          Logger.getLogger("io.opentelemetry.exporter.otlp"),
          Logger.getLogger("io.opentelemetry.exporter.sender"));

  /**
   * The batch span processor's logger, which would warn of a failed export that {@link ExportAccounting} reports
   * once.
   */
  private static final Logger QUEUE_LOGGER = Logger.getLogger(BatchSpanProcessor.class.getName());

  private TracingSetup() {}

  /**
   * @param extensionLoader where the SDK finds its providers: the agent's loader, or the extensions' above it
   * @return whether tracing is on: false when a setting is invalid, which one line on stderr names; the
   *     application then runs untraced
   */
  static boolean start(ClassLoader extensionLoader) {
    ExportPipeline export = new ExportPipeline(extensionLoader);
    List<String> extensionExporters =
        providerNames(
            extensionLoader,
            ConfigurableSpanExporterProvider.class,
            ConfigurableSpanExporterProvider::getName);
    List<String> extensionPropagators =
        providerNames(
            extensionLoader,
            ConfigurablePropagatorProvider.class,
            ConfigurablePropagatorProvider::getName);
    String configFile = Settings.getString(FileConfiguration.SETTING);
    OpenTelemetrySdk sdk;
    try {
      sdk =
          ConfigFileSetting.namesFile(configFile)
              ? fromFile(configFile.trim(), export)
              : autoConfigured(extensionLoader, export, extensionExporters, extensionPropagators);
    } catch (ConfigurationException e) {
      AgentLog.error(
          (ConfigFileSetting.namesFile(configFile)
                  ? "invalid " + FileConfiguration.SETTING
                  : "invalid configuration")
              + ", tracing is off: "
              + e.getMessage());
      return false;
    }
    if (sdk == null) {
      return false;
    }
    if (!AgentLog.isDebug()) {
      EXPORTER_FAILURE_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
      QUEUE_LOGGER.setLevel(Level.OFF);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(sdk, export), "weft-shutdown"));
    return true;
  }

  /** The SDK autoconfigure builds from the {@code otel.*} settings, with Weft's parts. */
  private static OpenTelemetrySdk autoConfigured(
      ClassLoader extensionLoader,
      ExportPipeline export,
      List<String> extensionExporters,
      List<String> extensionPropagators) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .setComponentLoader(export.components())
        .addPropertiesSupplier(TracingSetup::defaults)
        .addPropertiesCustomizer(
            config -> {
              Map<String, String> overrides =
                  new HashMap<>(ExporterSetting.honoured(config, extensionExporters));
              overrides.putAll(PropagatorSetting.honoured(config, extensionPropagators));
              return overrides;
            })
        .addPropagatorCustomizer(TracingSetup::withTraceContextLevel2)
        .addResourceCustomizer(TracingSetup::withDetectedServiceName)
        .addSpanExporterCustomizer(export::exporter)
        .addSpanProcessorCustomizer(export::processor)
        .disableShutdownHook()
        .setResultAsGlobal()
        .build()
        .getOpenTelemetrySdk();
  }

  /**
   * The SDK the declarative configuration file describes ({@link FileConfiguration}), registered as the global
   * instance; null, with one line saying so, when the file turns it off.
   */
  private static OpenTelemetrySdk fromFile(String file, ExportPipeline export) {
    OpenTelemetrySdk sdk;
    try {
      // before FileConfiguration is loaded: verifying it loads the SDK classes it names
      ClassLoader agentLoader = TracingSetup.class.getClassLoader();
      if (agentLoader instanceof AgentClassLoader) {
        ((AgentClassLoader) agentLoader).reveal(FileConfiguration.PREFIX);
      }
      sdk = FileConfiguration.create(file, export);
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new ConfigurationException(file + ": " + e, e);
    }
    if (sdk == null) {
      AgentLog.debug(
          FileConfiguration.SETTING + " " + file + " says disabled: true; tracing is off");
      return null;
    }
    try {
      GlobalOpenTelemetry.set(sdk);
    } catch (RuntimeException e) {
      sdk.shutdown();
      throw e;
    }
    AgentLog.debug("SDK configured from " + file);
    return sdk;
  }

  /** The names of the extensions' providers of one kind; none without extensions. */
  private static <T> List<String> providerNames(
      ClassLoader extensionLoader, Class<T> kind, Function<T, String> name) {
    List<String> names = new ArrayList<>();
    if (extensionLoader instanceof ExtensionClassLoader) {
      for (T provider : ServiceLoader.load(kind, extensionLoader)) {
        names.add(name.apply(provider));
      }
    }
    return names;
  }

  /**
   * Weft's defaults, below anything the user sets. OTLP goes over {@code http/protobuf} (the SDK alone would pick
   * gRPC), as the OpenTelemetry agent does; the export queue and batches are the export pipeline's. Metrics and logs
   * are off: the agent produces neither yet, and the SDK would otherwise run an idle OTLP metric reader.
   */
  private static Map<String, String> defaults() {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    ExportPipeline.addDefaults(defaults);
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    return defaults;
  }

  /** {@code tracecontext} is Weft's, which follows W3C Trace Context Level 2 (see {@link TraceContextPropagator}). */
  private static TextMapPropagator withTraceContextLevel2(
      TextMapPropagator propagator, ConfigProperties config) {
    return propagator == W3CTraceContextPropagator.getInstance()
        ? TraceContextPropagator.INSTANCE
        : propagator;
  }

  private static Resource withDetectedServiceName(Resource resource, ConfigProperties config) {
    String current = resource.getAttribute(ServiceAttributes.SERVICE_NAME);
    if (current != null && !current.startsWith("unknown_service")) {
      return resource;
    }
    String detected = ServiceNames.fromJavaCommand(System.getProperty("sun.java.command"));
    return detected == null
        ? resource
        : resource.merge(Resource.create(Attributes.of(ServiceAttributes.SERVICE_NAME, detected)));
  }

  private static void shutdown(OpenTelemetrySdk sdk, ExportPipeline export) {
    AgentLog.debug("JVM shutdown: flushing spans");
    long wait = export.collectorFailing() ? SHUTDOWN_WAIT_FAILING_SECONDS : SHUTDOWN_WAIT_SECONDS;
    CompletableResultCode done = sdk.shutdown().join(wait, TimeUnit.SECONDS);
    AgentLog.debug("flushed: " + (done.isDone() ? "done" : "timed out"));
    export.reportAtShutdown();
  }
}

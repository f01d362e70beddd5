package dev.weft.agent;

import dev.weft.agent.tracecontext.TraceContextPropagator;
import dev.weft.bootstrap.Settings;
import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfiguration;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.ServiceResourceDetector;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.AttributeNameValueModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.PropagatorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.ResourceModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.TextMapPropagatorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.TextMapPropagatorPropertyModel;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.semconv.ServiceAttributes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK built from a declarative configuration file ({@code otel.config.file}, YAML in the OpenTelemetry
 * configuration schema) by the SDK's own {@code opentelemetry-sdk-extension-declarative-config}, with Weft's parts put
 * in through that module's customizer interface, as the OpenTelemetry agent puts in its own:
 *
 * <ul>
 *   <li>every span exporter the file names runs behind {@link ExportPipeline}'s concurrent exports, partial-success
 *       reading and failure reporting; the batch processor is the SDK's as the file configures it (Weft's queue
 *       admission, which counts queue-full drops as they happen, is not in front of it);
 *   <li>the {@code tracecontext} propagator is Weft's {@link TraceContextPropagator} (W3C Trace Context Level 2);
 *   <li>a resource without {@code service.name} gets the detected one ({@link ServiceNames});
 *   <li>a meter or logger provider is left out with a warning: Weft records traces only.
 * </ul>
 *
 * <p>The module and what it needs (Jackson, SnakeYAML Engine, the incubating API: about 3 MB) sit under {@link
 * #PREFIX} in the agent jar, which the agent class loader searches only once {@link TracingSetup} has revealed them
 * (before this class is loaded: verifying it loads some of them), so a JVM
 * without the setting loads none of it, and the SDK's own checks for the module (autoconfigure's, the tracer's for
 * the incubating API) find nothing. This class is the only one that names the module's classes and is loaded only
 * when the setting is present (its constants are compiled into the classes that name them).
 */
final class FileConfiguration {

  static final String SETTING = "otel.config.file";

  /** Where the declarative configuration's classes are stored in the agent jar. */
  static final String PREFIX = "weft-declarative/";

  /** The name Weft's tracecontext propagator stands under in the model, for the SDK's {@code tracecontext}. */
  static final String TRACECONTEXT = "tracecontext";

  private static final String WEFT_TRACECONTEXT = "weft_tracecontext";

  private static final String TRACES_ONLY =
      " has no effect: Weft records traces only (no metrics, no logs)";

  private FileConfiguration() {}

  /**
   * @param file the path of the YAML file
   * @return the SDK the file describes, with Weft's parts; null when the file says {@code disabled: true}
   * @throws ConfigurationException naming the problem, when the file cannot be read or does not describe an SDK
   */
  static OpenTelemetrySdk create(String file, ExportPipeline export) {
    OpenTelemetryConfigurationModel model;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      model = DeclarativeConfiguration.parse(in);
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(file + ": " + problem(e), e);
    }
    if (Boolean.TRUE.equals(model.getDisabled())) {
      return null;
    }
    if (model.getInstrumentationDevelopment() != null) {
      AgentLog.warn(
          SETTING
              + " "
              + file
              + ": instrumentation/development is not read by Weft; the otel.instrumentation.* settings"
              + " (system properties, OTEL_* environment variables) apply");
    }
    withoutMetricsOrLogs(model, file);
    // Weft's own setting, beside the file
    int maxConcurrentExports =
        ExportPipeline.maxConcurrentExports(
            Settings.getString(ExportPipeline.MAX_CONCURRENT_EXPORTS));
    DeclarativeConfigurationCustomizerProvider weft =
        customizer -> customize(customizer, export, maxConcurrentExports);
    ComponentLoader components = new WeftComponents(export.components(), weft);
    try {
      return DeclarativeConfiguration.create(model, components).getSdk();
    } catch (RuntimeException e) {
      throw new ConfigurationException(file + ": " + problem(e), e);
    }
  }

  /**
   * The model without a meter or logger provider, each named in a warning: Weft records traces only, so their
   * exporters would run idle (as {@code otel.metrics.exporter} and {@code otel.logs.exporter} are turned off).
   */
  static void withoutMetricsOrLogs(OpenTelemetryConfigurationModel model, String file) {
    if (model.getMeterProvider() != null) {
      AgentLog.warn(SETTING + " " + file + ": meter_provider" + TRACES_ONLY);
      model.withMeterProvider(null);
    }
    if (model.getLoggerProvider() != null) {
      AgentLog.warn(SETTING + " " + file + ": logger_provider" + TRACES_ONLY);
      model.withLoggerProvider(null);
    }
  }

  private static void customize(
      DeclarativeConfigurationCustomizer customizer,
      ExportPipeline export,
      int maxConcurrentExports) {
    customizer.addModelCustomizer(FileConfiguration::withWeftParts);
    customizer.addSpanExporterCustomizer(
        SpanExporter.class, (exporter, config) -> export.exporter(exporter, maxConcurrentExports));
  }

  /** The model with Weft's tracecontext propagator for the SDK's, and the detected service name if none is set. */
  static OpenTelemetryConfigurationModel withWeftParts(OpenTelemetryConfigurationModel model) {
    PropagatorModel propagator = model.getPropagator();
    if (propagator != null) {
      if (propagator.getComposite() != null) {
        List<TextMapPropagatorModel> composite = new ArrayList<>();
        for (TextMapPropagatorModel each : propagator.getComposite()) {
          composite.add(
              each.getTracecontext() == null
                  ? each
                  : new TextMapPropagatorModel()
                      .withAdditionalProperty(
                          WEFT_TRACECONTEXT, new TextMapPropagatorPropertyModel()));
        }
        propagator.withComposite(composite);
      }
      if (propagator.getCompositeList() != null) {
        propagator.withCompositeList(withWeftTraceContext(propagator.getCompositeList()));
      }
    }
    String detected = ServiceNames.fromJavaCommand(System.getProperty("sun.java.command"));
    ResourceModel resource =
        model.getResource() == null ? new ResourceModel() : model.getResource();
    if (detected != null && !namesServiceName(resource)) {
      List<AttributeNameValueModel> attributes =
          resource.getAttributes() == null
              ? new ArrayList<>()
              : new ArrayList<>(resource.getAttributes());
      attributes.add(
          new AttributeNameValueModel()
              .withName(ServiceAttributes.SERVICE_NAME.getKey())
              .withValue(detected));
      model.withResource(resource.withAttributes(attributes));
    }
    return model;
  }

  /** A {@code composite_list} ("tracecontext,baggage,b3") with Weft's name for {@code tracecontext}. */
  static String withWeftTraceContext(String compositeList) {
    StringBuilder names = new StringBuilder();
    for (String name : compositeList.split(",", -1)) {
      if (names.length() > 0) {
        names.append(',');
      }
      names.append(name.trim().equals(TRACECONTEXT) ? WEFT_TRACECONTEXT : name);
    }
    return names.toString();
  }

  private static boolean namesServiceName(ResourceModel resource) {
    String key = ServiceAttributes.SERVICE_NAME.getKey();
    if (resource.getAttributes() != null) {
      for (AttributeNameValueModel attribute : resource.getAttributes()) {
        if (key.equals(attribute.getName())) {
          return true;
        }
      }
    }
    String list = resource.getAttributesList();
    if (list != null) {
      for (String pair : list.split(",")) {
        if (pair.trim().startsWith(key + "=")) {
          return true;
        }
      }
    }
    return false;
  }

  /** What went wrong, in one line: the SDK's own message, and its cause's where it only says where. */
  static String problem(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    StringBuilder problem = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null
        && cause.getMessage() != null
        && !problem.toString().contains(cause.getMessage())) {
      problem.append(": ").append(cause.getMessage());
    }
    return problem.toString().replace('\n', ' ');
  }

  /** The SDK's components and customizers, with Weft's. */
  private static final class WeftComponents implements ComponentLoader {

    private final ComponentLoader delegate;
    private final DeclarativeConfigurationCustomizerProvider weft;

    WeftComponents(ComponentLoader delegate, DeclarativeConfigurationCustomizerProvider weft) {
      this.delegate = delegate;
      this.weft = weft;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Iterable<T> load(Class<T> type) {
      List<T> loaded = new ArrayList<>();
      delegate.load(type).forEach(loaded::add);
      if (type == DeclarativeConfigurationCustomizerProvider.class) {
        loaded.add((T) weft);
      } else if (type == ComponentProvider.class) {
        loaded.add((T) new TraceContextProvider());
        // the module's own provider: the agent jar carries one services file per name, Weft's
        if (!any(loaded, ServiceResourceDetector.class)) {
          loaded.add((T) new ServiceResourceDetector());
        }
      }
      return loaded;
    }
  }

  private static boolean any(List<?> components, Class<?> kind) {
    for (Object component : components) {
      if (kind.isInstance(component)) {
        return true;
      }
    }
    return false;
  }

  /** Weft's {@link TraceContextPropagator} as a component of the model, under {@link #WEFT_TRACECONTEXT}. */
  private static final class TraceContextProvider implements ComponentProvider {

    @Override
    public Class<?> getType() {
      return TextMapPropagator.class;
    }

    @Override
    public String getName() {
      return WEFT_TRACECONTEXT;
    }

    @Override
    public Object create(DeclarativeConfigProperties config) {
      return TraceContextPropagator.INSTANCE;
    }
  }
}

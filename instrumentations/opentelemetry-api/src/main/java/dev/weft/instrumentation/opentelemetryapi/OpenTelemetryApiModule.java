package dev.weft.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import dev.weft.instrumentation.opentelemetryapi.application.ContextStorageAdvice;
import dev.weft.instrumentation.opentelemetryapi.application.GlobalGetAdvice;
import dev.weft.instrumentation.opentelemetryapi.application.GlobalIsSetAdvice;
import dev.weft.instrumentation.opentelemetryapi.application.GlobalSetAdvice;
import java.util.List;

/** The application's own OpenTelemetry API (1.0 and newer), bridged to the agent's SDK and context. */
public final class OpenTelemetryApiModule extends InstrumentationModule {

  private static final String GLOBAL = "io.opentelemetry.api.GlobalOpenTelemetry";
  private static final String STORAGE = "io.opentelemetry.context.ContextStorage";

  public OpenTelemetryApiModule() {
    super("opentelemetry-api");
  }

  @Override
  public String supportedVersions() {
    return "io.opentelemetry:opentelemetry-api 1.0 and newer 1.x";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(STORAGE) || className.equals(GLOBAL);
  }

  @Override
  public String markerClass() {
    return "io.opentelemetry.context.ContextStorage";
  }

  @Override
  public List<Requirement> requirements() {
    String span = "io.opentelemetry.api.trace.Span";
    String context = "io.opentelemetry.context.Context";
    return List.of(
        Requirement.method(
            "io.opentelemetry.api.GlobalOpenTelemetry",
            "get",
            "()Lio/opentelemetry/api/OpenTelemetry;"),
        Requirement.method(
            span,
            "storeInContext",
            "(Lio/opentelemetry/context/Context;)Lio/opentelemetry/context/Context;"),
        Requirement.method(span, "getInvalid", "()Lio/opentelemetry/api/trace/Span;"),
        Requirement.method(
            "io.opentelemetry.api.baggage.Baggage",
            "empty",
            "()Lio/opentelemetry/api/baggage/Baggage;"),
        Requirement.method(
            "io.opentelemetry.api.baggage.BaggageEntryMetadata",
            "create",
            "(Ljava/lang/String;)Lio/opentelemetry/api/baggage/BaggageEntryMetadata;"),
        Requirement.method(
            "io.opentelemetry.api.trace.SpanContext",
            "create",
            "(Ljava/lang/String;Ljava/lang/String;Lio/opentelemetry/api/trace/TraceFlags;"
                + "Lio/opentelemetry/api/trace/TraceState;)Lio/opentelemetry/api/trace/SpanContext;"),
        Requirement.method(
            "io.opentelemetry.api.trace.TraceFlags",
            "fromByte",
            "(B)Lio/opentelemetry/api/trace/TraceFlags;"),
        Requirement.method(
            "io.opentelemetry.api.common.Attributes",
            "forEach",
            "(Ljava/util/function/BiConsumer;)V"),
        Requirement.method(context, "root", "()L" + context.replace('.', '/') + ";"),
        Requirement.type("io.opentelemetry.context.propagation.ContextPropagators"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named(STORAGE))
            .advise(
                isStatic().and(named("get")).and(takesArguments(0)), ContextStorageAdvice.class),
        TypeInstrumentation.forTypes(named(GLOBAL))
            .advise(
                isStatic().and(named("get").or(named("getOrNoop"))).and(takesArguments(0)),
                GlobalGetAdvice.class)
            .advise(isStatic().and(named("isSet")).and(takesArguments(0)), GlobalIsSetAdvice.class)
            .advise(isStatic().and(named("set")).and(takesArguments(1)), GlobalSetAdvice.class));
  }

  /** The application's side only: this package's own classes stay in the agent, where they reach its SDK. */
  @Override
  public String modulePackagePrefix() {
    return ContextStorageAdvice.class.getPackageName() + ".";
  }

  @Override
  public List<String> applicationPackages() {
    return List.of("io.opentelemetry.api.", "io.opentelemetry.context.");
  }
}

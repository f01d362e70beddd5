package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.api.NewerLibraryOnly;
import dev.weft.instrumentation.opentelemetryapi.AgentSpans;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;

/** The application's {@code TracerBuilder} (API 1.4+): its scope's name, version and schema URL. */
@NewerLibraryOnly("opentelemetry-api 1.4")
final class ApplicationTracerBuilder implements TracerBuilder {

  private final String name;
  private String version;
  private String schemaUrl;

  private ApplicationTracerBuilder(String name) {
    this.name = name;
  }

  static TracerBuilder create(String name) {
    return new ApplicationTracerBuilder(name);
  }

  @Override
  public TracerBuilder setSchemaUrl(String schemaUrl) {
    this.schemaUrl = schemaUrl;
    return this;
  }

  @Override
  public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
    this.version = instrumentationScopeVersion;
    return this;
  }

  @Override
  public Tracer build() {
    return new ApplicationTracer(AgentSpans.tracer(name, version, schemaUrl));
  }
}

package dev.weft.instrumentation.logbackmdc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** {@code trace_id}, {@code span_id} and {@code trace_flags} in the MDC of Logback's logging events. */
public final class LogbackMdcModule extends InstrumentationModule {

  private static final String LOGGING_EVENT = "ch.qos.logback.classic.spi.LoggingEvent";

  public LogbackMdcModule() {
    super("logback-mdc");
  }

  @Override
  public String supportedVersions() {
    return "Logback 1.2 to 1.5";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(LOGGING_EVENT);
  }

  @Override
  public String markerClass() {
    return "ch.qos.logback.classic.spi.LoggingEvent";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(
        Requirement.method(
            "ch.qos.logback.classic.spi.LoggingEvent", "getMDCPropertyMap", "()Ljava/util/Map;"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named("ch.qos.logback.classic.spi.LoggingEvent"))
            .advise(
                isPublic().and(named("getMDCPropertyMap")).and(takesArguments(0)),
                MdcPropertyMapAdvice.class));
  }
}

package dev.weft.instrumentation.log4jcontextdata;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** {@code trace_id}, {@code span_id} and {@code trace_flags} in the context data of Log4j 2's log events. */
public final class Log4jContextDataModule extends InstrumentationModule {

  private static final String FACTORY =
      "org.apache.logging.log4j.core.impl.ContextDataInjectorFactory";
  private static final String STRING_MAP = "org.apache.logging.log4j.util.StringMap";

  public Log4jContextDataModule() {
    super("log4j-context-data");
  }

  @Override
  public String supportedVersions() {
    return "Log4j 2.17 and newer 2.x";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(FACTORY);
  }

  @Override
  public String markerClass() {
    return "org.apache.logging.log4j.core.impl.ContextDataInjectorFactory";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(
        Requirement.method(
            "org.apache.logging.log4j.core.impl.ContextDataInjectorFactory",
            "createInjector",
            "()Lorg/apache/logging/log4j/core/ContextDataInjector;"),
        Requirement.method(
            "org.apache.logging.log4j.core.ContextDataInjector",
            "injectContextData",
            "(Ljava/util/List;Lorg/apache/logging/log4j/util/StringMap;)Lorg/apache/logging/log4j/util/StringMap;"),
        Requirement.method(STRING_MAP, "putValue", "(Ljava/lang/String;Ljava/lang/Object;)V"),
        Requirement.method(
            "org.apache.logging.log4j.util.ReadOnlyStringMap",
            "containsKey",
            "(Ljava/lang/String;)Z"),
        Requirement.method(
            "org.apache.logging.log4j.util.SortedArrayStringMap",
            "<init>",
            "(Lorg/apache/logging/log4j/util/ReadOnlyStringMap;)V"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named(FACTORY))
            .advise(
                isPublic().and(isStatic()).and(named("createInjector")).and(takesArguments(0)),
                CreateInjectorAdvice.class));
  }
}

package dev.weft.instrumentation.annotations;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.hasParameters;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.whereAny;

import dev.weft.instrumentation.api.InstrumentationConfig;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** A span per call of a method annotated {@code @WithSpan}, in either annotation package. */
public final class WithSpanModule extends InstrumentationModule {

  static final String NAME = "opentelemetry-instrumentation-annotations";

  private final ExcludedMethods excluded =
      ExcludedMethods.parse(
          InstrumentationConfig.getString("otel.instrumentation." + NAME + ".exclude-methods"));

  public WithSpanModule() {
    super(NAME);
  }

  @Override
  public String supportedVersions() {
    return "io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations 1.x and 2.x, "
        + "io.opentelemetry:opentelemetry-extension-annotations 1.x";
  }

  /** No class is a candidate by its name: annotated classes are found by the annotation in their constant pool. */
  @Override
  public boolean mayApplyTo(String className) {
    return false;
  }

  @Override
  public List<String> usedClasses() {
    List<String> used = new ArrayList<>();
    for (AnnotationPackage annotations : AnnotationPackage.values()) {
      used.add(annotations.withSpan());
    }
    return used;
  }

  /**
   * The OpenTelemetry API, which both annotation libraries depend on (their {@code kind()} returns its
   * {@code SpanKind}): the annotations themselves are read by name, so no annotation class is required.
   */
  @Override
  public String markerClass() {
    return "io.opentelemetry.api.trace.SpanKind";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of();
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    List<TypeInstrumentation> types = new ArrayList<>();
    for (AnnotationPackage annotations : AnnotationPackage.values()) {
      ElementMatcher.Junction<MethodDescription> annotated =
          isMethod()
              .and(not(isAbstract()))
              .and(isAnnotatedWith(named(annotations.withSpan())))
              .and(not(excluded.matcher()));
      ElementMatcher.Junction<MethodDescription> withAttributes =
          hasParameters(whereAny(isAnnotatedWith(named(annotations.spanAttribute()))));
      types.add(
          TypeInstrumentation.forUsersOf(any())
              .advise(annotated.and(not(withAttributes)), WithSpanAdvice.class)
              .advise(annotated.and(withAttributes), WithSpanAttributesAdvice.class));
    }
    return types;
  }
}

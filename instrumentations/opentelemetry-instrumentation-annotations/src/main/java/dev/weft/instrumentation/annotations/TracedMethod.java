package dev.weft.instrumentation.annotations;

import io.opentelemetry.api.trace.SpanKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the annotations of one {@code @WithSpan} method say: the span's name and kind, whether it continues the
 * current context, which parameters become attributes, and whether the span ends with a returned future. Read
 * once per method by reflection, on the method's first call; the annotation types are matched by name, so the
 * module links against no annotation class and serves both annotation packages alike.
 */
final class TracedMethod {

  private static final ParameterAttribute[] NO_ATTRIBUTES = new ParameterAttribute[0];

  final String spanName;
  final SpanKind kind;
  final boolean inheritContext;
  final ParameterAttribute[] attributes;

  /** The method returns a {@link CompletionStage}: its span ends when the stage completes. */
  final boolean endsWithStage;

  private TracedMethod(
      String spanName,
      SpanKind kind,
      boolean inheritContext,
      ParameterAttribute[] attributes,
      boolean endsWithStage) {
    this.spanName = spanName;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.attributes = attributes;
    this.endsWithStage = endsWithStage;
  }

  /** The method's description, or {@code null} when it carries no {@code @WithSpan} this JVM can read. */
  static TracedMethod of(Method method) throws ReflectiveOperationException {
    for (Annotation annotation : method.getDeclaredAnnotations()) {
      AnnotationPackage annotations =
          AnnotationPackage.ofWithSpan(annotation.annotationType().getName());
      if (annotations != null) {
        return of(method, annotation, annotations);
      }
    }
    return null;
  }

  private static TracedMethod of(Method method, Annotation withSpan, AnnotationPackage annotations)
      throws ReflectiveOperationException {
    String value = (String) element(withSpan, "value", "");
    String spanName =
        value.isEmpty()
            ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
            : value;
    Object kind = element(withSpan, "kind", null);
    // the application's own SpanKind enum (another class than the agent's): matched by constant
    // name
    SpanKind spanKind =
        kind instanceof Enum ? SpanKind.valueOf(((Enum<?>) kind).name()) : SpanKind.INTERNAL;
    boolean inheritContext = (Boolean) element(withSpan, "inheritContext", Boolean.TRUE);
    return new TracedMethod(
        spanName,
        spanKind,
        inheritContext,
        attributes(method, annotations),
        CompletionStage.class.isAssignableFrom(method.getReturnType()));
  }

  private static ParameterAttribute[] attributes(Method method, AnnotationPackage annotations)
      throws ReflectiveOperationException {
    Parameter[] parameters = method.getParameters();
    Annotation[][] parameterAnnotations = method.getParameterAnnotations();
    List<ParameterAttribute> attributes = new ArrayList<>();
    for (int i = 0; i < parameters.length && i < parameterAnnotations.length; i++) {
      for (Annotation annotation : parameterAnnotations[i]) {
        if (annotation.annotationType().getName().equals(annotations.spanAttribute())) {
          String name = (String) element(annotation, "value", "");
          if (name.isEmpty() && parameters[i].isNamePresent()) {
            name = parameters[i].getName();
          }
          if (!name.isEmpty()) {
            attributes.add(new ParameterAttribute(i, name, parameters[i].getType()));
          }
        }
      }
    }
    return attributes.isEmpty() ? NO_ATTRIBUTES : attributes.toArray(NO_ATTRIBUTES);
  }

  /** An annotation element's value, or {@code absent} when this version of the annotation lacks the element. */
  private static Object element(Annotation annotation, String name, Object absent)
      throws ReflectiveOperationException {
    Method element;
    try {
      element = annotation.annotationType().getMethod(name);
    } catch (NoSuchMethodException e) {
      return absent;
    }
    return element.invoke(annotation);
  }
}

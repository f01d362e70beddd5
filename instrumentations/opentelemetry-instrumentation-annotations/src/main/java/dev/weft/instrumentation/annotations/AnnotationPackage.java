package dev.weft.instrumentation.annotations;

/** The two packages applications take {@code @WithSpan} and {@code @SpanAttribute} from. */
enum AnnotationPackage {
  /** {@code io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations}. */
  INSTRUMENTATION("io.opentelemetry.instrumentation.annotations."),
  /** The older {@code io.opentelemetry:opentelemetry-extension-annotations}. */
  EXTENSION("io.opentelemetry.extension.annotations.");

  private final String packagePrefix;

  AnnotationPackage(String packagePrefix) {
    this.packagePrefix = packagePrefix;
  }

  String withSpan() {
    return packagePrefix + "WithSpan";
  }

  String spanAttribute() {
    return packagePrefix + "SpanAttribute";
  }

  /** The package whose {@code @WithSpan} this annotation type is, or {@code null}. */
  static AnnotationPackage ofWithSpan(String annotationType) {
    for (AnnotationPackage each : values()) {
      if (each.withSpan().equals(annotationType)) {
        return each;
      }
    }
    return null;
  }
}

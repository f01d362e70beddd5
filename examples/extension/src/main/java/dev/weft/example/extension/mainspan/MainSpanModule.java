package dev.weft.example.extension.mainspan;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationConfig;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * An INTERNAL span around the {@code main} method of the class named by
 * {@code otel.instrumentation.example-main-span.class-name}: the smallest module that makes a span, as a template.
 * Nothing is instrumented when the setting is absent.
 */
public final class MainSpanModule extends InstrumentationModule {

  static final String NAME = "example-main-span";

  /** The binary name of the class whose {@code main} is traced; or null. */
  private static final String CLASS_NAME =
      className(InstrumentationConfig.getString("otel.instrumentation." + NAME + ".class-name"));

  public MainSpanModule() {
    super(NAME);
  }

  private static String className(String setting) {
    return setting == null || setting.isBlank() ? null : setting.trim();
  }

  @Override
  public String supportedVersions() {
    return "any class with a public static void main(String[])";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(CLASS_NAME);
  }

  @Override
  public String markerClass() {
    return CLASS_NAME == null ? "java.lang.Object" : CLASS_NAME;
  }

  @Override
  public List<Requirement> requirements() {
    return List.of();
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    if (CLASS_NAME == null) {
      return List.of();
    }
    return List.of(
        TypeInstrumentation.forTypes(named(CLASS_NAME))
            .advise(
                named("main").and(isPublic()).and(isStatic()).and(takesArguments(String[].class)),
                MainAdvice.class));
  }
}

package dev.weft.example.extension.mainspan;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.bootstrap.Settings;
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

  /** The class whose {@code main} is traced, with {@code /} separators as the name test receives it; or null. */
  private static final String INTERNAL_NAME =
      internalName(Settings.getString("otel.instrumentation." + NAME + ".class-name"));

  public MainSpanModule() {
    super(NAME);
  }

  private static String internalName(String className) {
    return className == null || className.isBlank() ? null : className.trim().replace('.', '/');
  }

  @Override
  public String supportedVersions() {
    return "any class with a public static void main(String[])";
  }

  @Override
  public boolean mayApplyTo(String internalName) {
    return internalName.equals(INTERNAL_NAME);
  }

  @Override
  public String markerClass() {
    return INTERNAL_NAME == null ? "java.lang.Object" : INTERNAL_NAME.replace('/', '.');
  }

  @Override
  public List<Requirement> requirements() {
    return List.of();
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    if (INTERNAL_NAME == null) {
      return List.of();
    }
    return List.of(
        TypeInstrumentation.forTypes(named(INTERNAL_NAME.replace('/', '.')))
            .advise(
                named("main").and(isPublic()).and(isStatic()).and(takesArguments(String[].class)),
                MainSpanModule.class.getPackageName() + ".MainAdvice"));
  }
}

package dev.weft.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** OkHttp client spans: an interceptor on every client, and the caller's context carried into async calls. */
public final class OkHttpModule extends InstrumentationModule {

  public OkHttpModule() {
    super("okhttp");
  }

  @Override
  public String supportedVersions() {
    return "OkHttp 3.12 to 5.x";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.startsWith("okhttp3.")
        && (className.endsWith(".OkHttpClient") || className.endsWith("RealCall$AsyncCall"));
  }

  @Override
  public String markerClass() {
    return "okhttp3.OkHttpClient";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(
        Requirement.method("okhttp3.OkHttpClient$Builder", "interceptors", "()Ljava/util/List;"),
        Requirement.method(
            "okhttp3.Interceptor$Chain", "proceed", "(Lokhttp3/Request;)Lokhttp3/Response;"),
        Requirement.method("okhttp3.Request", "newBuilder", "()Lokhttp3/Request$Builder;"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named("okhttp3.OkHttpClient"))
            .advise(
                isConstructor()
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
                ClientConstructorAdvice.class),
        TypeInstrumentation.forTypes(
                named("okhttp3.RealCall$AsyncCall")
                    .or(named("okhttp3.internal.connection.RealCall$AsyncCall")))
            .advise(isConstructor(), AsyncCallCreatedAdvice.class)
            .advise(
                named("execute").or(named("run")).and(takesArguments(0)),
                AsyncCallRunAdvice.class));
  }
}

package dev.weft.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** Client spans for {@code java.net.http.HttpClient}. */
public final class JavaHttpClientModule extends InstrumentationModule {

  private static final String IMPLEMENTATION = "jdk/internal/net/http/HttpClientImpl";
  private static final String ADVICE = "dev.weft.instrumentation.javahttpclient.";

  public JavaHttpClientModule() {
    super("java-http-client");
  }

  @Override
  public String supportedVersions() {
    return "java.net.http.HttpClient of Java 11 and newer";
  }

  @Override
  public List<String> jdkTypes() {
    return List.of(IMPLEMENTATION);
  }

  @Override
  public boolean mayApplyTo(String internalName) {
    return internalName.equals(IMPLEMENTATION);
  }

  @Override
  public String markerClass() {
    return "java.net.http.HttpClient";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(Requirement.type(IMPLEMENTATION.replace('/', '.')));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(TypeInstrumentation.forTypes(named(IMPLEMENTATION.replace('/', '.')))
        .advise(isPublic().and(named("send")).and(takesArguments(2))
                .and(takesArgument(0, named("java.net.http.HttpRequest"))),
            ADVICE + "SendAdvice")
        .advise(isPublic().and(named("sendAsync")).and(takesArguments(3))
                .and(takesArgument(0, named("java.net.http.HttpRequest"))),
            ADVICE + "SendAsyncAdvice"));
  }
}

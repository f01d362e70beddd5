package dev.weft.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** Client spans for {@code java.net.HttpURLConnection}. */
public final class HttpUrlConnectionModule extends InstrumentationModule {

  private static final String IMPLEMENTATION = "sun/net/www/protocol/http/HttpURLConnection";
  private static final String ADVICE = "dev.weft.instrumentation.httpurlconnection.";

  public HttpUrlConnectionModule() {
    super("http-url-connection");
  }

  @Override
  public String supportedVersions() {
    return "java.net.HttpURLConnection of Java 11 and newer";
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
    return "java.net.HttpURLConnection";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(Requirement.type(IMPLEMENTATION.replace('/', '.')));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(TypeInstrumentation.forTypes(named(IMPLEMENTATION.replace('/', '.')))
        .advise(isPublic().and(takesArguments(0)).and(named("connect").or(named("getOutputStream"))),
            ADVICE + "ConnectAdvice")
        .advise(isPublic().and(takesArguments(0)).and(named("getInputStream")), ADVICE + "GetInputStreamAdvice"));
  }
}

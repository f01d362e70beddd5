package dev.weft.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.JdkClassModule;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** Client spans for {@code java.net.HttpURLConnection}, on the JDK's implementation class. */
public final class HttpUrlConnectionModule extends JdkClassModule {

  public HttpUrlConnectionModule() {
    super(
        "http-url-connection",
        "sun.net.www.protocol.http.HttpURLConnection",
        "java.net.HttpURLConnection");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named(implementationName()))
            .advise(
                isPublic()
                    .and(takesArguments(0))
                    .and(named("connect").or(named("getOutputStream"))),
                ConnectAdvice.class)
            .advise(
                isPublic().and(takesArguments(0)).and(named("getInputStream")),
                GetInputStreamAdvice.class));
  }
}

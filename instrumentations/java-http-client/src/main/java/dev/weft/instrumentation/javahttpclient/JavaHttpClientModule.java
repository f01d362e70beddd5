package dev.weft.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.JdkClassModule;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** Client spans for {@code java.net.http.HttpClient}, on its one implementation class. */
public final class JavaHttpClientModule extends JdkClassModule {

  public JavaHttpClientModule() {
    super("java-http-client", "jdk.internal.net.http.HttpClientImpl", "java.net.http.HttpClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named(implementationName()))
            .advise(
                isPublic()
                    .and(named("send"))
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                SendAdvice.class)
            .advise(
                isPublic()
                    .and(named("sendAsync"))
                    .and(takesArguments(3))
                    .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                SendAsyncAdvice.class));
  }
}

package dev.weft.instrumentation.servlet.common;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** The servlet module for one namespace ({@code javax.servlet} or {@code jakarta.servlet}). */
public abstract class ServletModule extends InstrumentationModule {

  private final String namespace;
  private final String supportedVersions;
  private final Class<?> advice;

  protected ServletModule(String namespace, String supportedVersions, Class<?> advice) {
    super("servlet");
    this.namespace = namespace;
    this.supportedVersions = supportedVersions;
    this.advice = advice;
  }

  @Override
  public String supportedVersions() {
    return supportedVersions;
  }

  /** Servlets and filters by name; {@code HttpServlet} covers every servlet that extends it, whatever its name. */
  @Override
  public boolean mayApplyTo(String className) {
    return className.contains("Servlet") || className.contains("Filter");
  }

  /**
   * Servlets and filters of this namespace only: they name its interfaces, or take its request in the methods the
   * advice instruments. Most classes named {@code *Filter*} (Logback's, Spring's type filters) do not.
   */
  @Override
  public List<String> referencedPrefixes() {
    return List.of(namespace + ".");
  }

  @Override
  public String markerClass() {
    return namespace + ".Servlet";
  }

  /** Servlet 3.0 brought the async API and {@code getStatus()}, which the advice relies on. */
  @Override
  public List<Requirement> requirements() {
    String http = namespace + ".http.";
    return List.of(
        Requirement.type(namespace + ".AsyncListener"),
        Requirement.method(namespace + ".ServletRequest", "isAsyncStarted", "()Z"),
        Requirement.method(
            namespace + ".ServletRequest",
            "getAsyncContext",
            "()L" + namespace.replace('.', '/') + "/AsyncContext;"),
        Requirement.method(http + "HttpServletResponse", "getStatus", "()I"));
  }

  /** {@code Servlet.service} and {@code Filter.doFilter} implementations. */
  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    String request = namespace + ".ServletRequest";
    String response = namespace + ".ServletResponse";
    return List.of(
        TypeInstrumentation.forTypes(
                not(isInterface())
                    .and(
                        hasSuperType(
                            named(namespace + ".Servlet").or(named(namespace + ".Filter")))))
            .advise(
                isPublic()
                    .and(not(isAbstract()))
                    .and(takesArgument(0, named(request)))
                    .and(takesArgument(1, named(response)))
                    .and(
                        named("service")
                            .and(takesArguments(2))
                            .or(
                                named("doFilter")
                                    .and(takesArguments(3))
                                    .and(takesArgument(2, named(namespace + ".FilterChain"))))),
                advice));
  }
}

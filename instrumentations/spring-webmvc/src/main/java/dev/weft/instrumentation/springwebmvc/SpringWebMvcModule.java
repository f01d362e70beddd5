package dev.weft.instrumentation.springwebmvc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import dev.weft.instrumentation.springwebmvc.jakarta.JakartaRouteAdvice;
import dev.weft.instrumentation.springwebmvc.javax.JavaxRouteAdvice;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The route of the handler Spring Web MVC chose, for the servlet module's SERVER span: one advice on
 * {@code HandlerExecutionChain.applyPreHandle}, in its javax (Spring 5.3) or jakarta (Spring 6, 7) form.
 */
public final class SpringWebMvcModule extends InstrumentationModule {

  private static final String CHAIN = "org.springframework.web.servlet.HandlerExecutionChain";

  public SpringWebMvcModule() {
    super("spring-webmvc");
  }

  @Override
  public String supportedVersions() {
    return "Spring Web MVC 5.3 (javax.servlet) to 7.x (jakarta.servlet)";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(CHAIN);
  }

  @Override
  public String markerClass() {
    return CHAIN;
  }

  /**
   * Only what both namespaces share: the method the advice goes on takes javax types in Spring 5 and jakarta types
   * from Spring 6 on, and one module serves both (a requirement of either form would turn the module off, with a
   * warning, in every application of the other).
   */
  @Override
  public List<Requirement> requirements() {
    return List.of(Requirement.type(CHAIN));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named(CHAIN))
            .advise(applyPreHandle("javax.servlet"), JavaxRouteAdvice.class)
            .advise(applyPreHandle("jakarta.servlet"), JakartaRouteAdvice.class));
  }

  /** {@code boolean applyPreHandle(HttpServletRequest, HttpServletResponse)} of one servlet namespace. */
  private static ElementMatcher<MethodDescription> applyPreHandle(String namespace) {
    return named("applyPreHandle")
        .and(takesArguments(2))
        .and(takesArgument(0, named(namespace + ".http.HttpServletRequest")));
  }
}

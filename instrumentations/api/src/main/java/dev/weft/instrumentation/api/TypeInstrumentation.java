package dev.weft.instrumentation.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The types one set of advice applies to, and which advice class goes on which methods.
 *
 * <p>Type matchers only see classes that passed their module's {@link InstrumentationModule#mayApplyTo} name test.
 */
public final class TypeInstrumentation {

  /** One advice class and the methods it is woven into. */
  public static final class MethodAdvice {
    private final ElementMatcher<? super MethodDescription> methods;
    private final String adviceClassName;

    MethodAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
      this.methods = methods;
      this.adviceClassName = adviceClassName;
    }

    public ElementMatcher<? super MethodDescription> methods() {
      return methods;
    }

    public String adviceClassName() {
      return adviceClassName;
    }
  }

  private final ElementMatcher<? super TypeDescription> types;
  private final List<MethodAdvice> advice = new ArrayList<>();

  private TypeInstrumentation(ElementMatcher<? super TypeDescription> types) {
    this.types = types;
  }

  public static TypeInstrumentation forTypes(ElementMatcher<? super TypeDescription> types) {
    return new TypeInstrumentation(types);
  }

  /**
   * Weaves the advice class (named, never loaded by the agent: it refers to library types) into the methods.
   * Its {@code @Advice} methods must be {@code public static}, with {@code inline = false} and
   * {@code suppress = Throwable.class}.
   */
  public TypeInstrumentation advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
    advice.add(new MethodAdvice(methods, adviceClassName));
    return this;
  }

  public ElementMatcher<? super TypeDescription> types() {
    return types;
  }

  public List<MethodAdvice> advice() {
    return Collections.unmodifiableList(advice);
  }
}

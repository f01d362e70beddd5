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
 * <p>Type matchers only see classes that passed their module's {@link InstrumentationModule#mayApplyTo} name test,
 * or, for {@link #forUsersOf} and {@link #forLoopsOfUsersOf}, that refer to one of its
 * {@link InstrumentationModule#usedClasses()}.
 *
 * <p>Advice and helper classes are named by their class literal, so that the compiler checks the name; the agent
 * uses only the name (the class is loaded, per application class loader, by the module's class loaders). The
 * build's reference check (module-checks) checks their shape.
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
  private final boolean forUsers;
  private final String loopHelperClassName;

  private TypeInstrumentation(
      ElementMatcher<? super TypeDescription> types, boolean forUsers, String loopHelperClassName) {
    this.types = types;
    this.forUsers = forUsers;
    this.loopHelperClassName = loopHelperClassName;
  }

  public static TypeInstrumentation forTypes(ElementMatcher<? super TypeDescription> types) {
    return new TypeInstrumentation(types, false, null);
  }

  /**
   * The classes that refer to one of the module's {@link InstrumentationModule#usedClasses()} and match
   * {@code types}, whatever their name: for advice on application classes found by what they use (an annotation,
   * say) rather than by name.
   */
  public static TypeInstrumentation forUsersOf(ElementMatcher<? super TypeDescription> types) {
    return new TypeInstrumentation(types, true, null);
  }

  /**
   * The classes that refer to one of the module's {@link InstrumentationModule#usedClasses()} and match
   * {@code types}: the agent rewrites their loops over an iterator so that leaving a loop by {@code break} or
   * {@code return} first calls {@code loopLeft(iterator)} on the helper class, which the iterator may be a
   * {@link LoopScope} of the module's (a normal end of the loop needs no call: the iterator sees {@code hasNext()}).
   *
   * @param loopHelper a class of the module with {@code public static void loopLeft(Object iterator)}
   */
  public static TypeInstrumentation forLoopsOfUsersOf(
      ElementMatcher<? super TypeDescription> types, Class<?> loopHelper) {
    return new TypeInstrumentation(types, true, loopHelper.getName());
  }

  /**
   * Weaves the advice class into the methods. Its {@code @Advice} methods must be {@code public static}, with
   * {@code inline = false} and {@code suppress = Throwable.class}, and name only JDK and library types.
   */
  public TypeInstrumentation advise(
      ElementMatcher<? super MethodDescription> methods, Class<?> adviceClass) {
    advice.add(new MethodAdvice(methods, adviceClass.getName()));
    return this;
  }

  public ElementMatcher<? super TypeDescription> types() {
    return types;
  }

  public List<MethodAdvice> advice() {
    return Collections.unmodifiableList(advice);
  }

  /** Whether this applies to the users of the module's used classes ({@link #forUsersOf}, {@link #forLoopsOfUsersOf}). */
  public boolean forUsers() {
    return forUsers;
  }

  /** For {@link #forLoopsOfUsersOf}: the helper the rewritten loops call; else null. */
  public String loopHelperClassName() {
    return loopHelperClassName;
  }

  /** The module classes the instrumented code calls through {@code invokedynamic}: advice and helper classes. */
  public List<String> linkedClassNames() {
    List<String> names = new ArrayList<>();
    for (MethodAdvice each : advice) {
      names.add(each.adviceClassName());
    }
    if (loopHelperClassName != null) {
      names.add(loopHelperClassName);
    }
    return names;
  }
}

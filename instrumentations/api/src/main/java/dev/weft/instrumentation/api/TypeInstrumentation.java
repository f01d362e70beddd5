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
  private final String usedClass;
  private final IteratorLoopExits loopExits;
  private final String helperClassName;

  private TypeInstrumentation(ElementMatcher<? super TypeDescription> types, String usedClass,
      IteratorLoopExits loopExits, String helperClassName) {
    this.types = types;
    this.usedClass = usedClass;
    this.loopExits = loopExits;
    this.helperClassName = helperClassName;
  }

  public static TypeInstrumentation forTypes(ElementMatcher<? super TypeDescription> types) {
    return new TypeInstrumentation(types, null, null, null);
  }

  /**
   * The classes that refer to {@code usedClass} (one of the module's {@link InstrumentationModule#usedClasses()})
   * and match {@code types}, whatever their name: for advice on application classes found by what they use (an
   * annotation, say) rather than by name.
   */
  public static TypeInstrumentation forUsersOf(String usedClass, ElementMatcher<? super TypeDescription> types) {
    return new TypeInstrumentation(types, usedClass, null, null);
  }

  /**
   * The classes that refer to {@code usedClass} (one of the module's {@link InstrumentationModule#usedClasses()})
   * and match {@code types}: their iterator loops are rewritten by {@link IteratorLoopExits} to call
   * {@code loopLeft} on the helper class.
   */
  public static TypeInstrumentation forLoopsOfUsersOf(String usedClass, ElementMatcher<? super TypeDescription> types,
      String helperClassName) {
    return new TypeInstrumentation(types, usedClass, new IteratorLoopExits(helperClassName), helperClassName);
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

  /** For {@link #forUsersOf} and {@link #forLoopsOfUsersOf}: the internal name of the class the rewritten classes refer to; else null. */
  public String usedClass() {
    return usedClass;
  }

  /** For {@link #forLoopsOfUsersOf}: the rewrite of the users' loops; else null. */
  public IteratorLoopExits loopExits() {
    return loopExits;
  }

  /** The module classes the instrumented code calls through {@code invokedynamic}: advice and helper classes. */
  public List<String> linkedClassNames() {
    List<String> names = new ArrayList<>();
    for (MethodAdvice each : advice) {
      names.add(each.adviceClassName());
    }
    if (helperClassName != null) {
      names.add(helperClassName);
    }
    return names;
  }
}

package dev.weft.agent;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One type instrumentation as {@link WeavingTransformer} applies it: the classes it matches, the class loaders it
 * applies to, and what it weaves into a class that passes both.
 */
final class TypeWeaving {

  /** What is woven into a matched class. */
  interface Decoration {
    DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, ClassLoader loader);
  }

  private final ElementMatcher<? super TypeDescription> types;
  private final ElementMatcher<? super ClassLoader> loaders;
  private final Decoration decoration;
  private final boolean advice;

  /**
   * @param advice whether the decoration adds advice calls, which a class compiled for Java 6 or older can hold only
   *     once {@link ClassFileUpgrade} raised it
   */
  TypeWeaving(
      ElementMatcher<? super TypeDescription> types,
      ElementMatcher<? super ClassLoader> loaders,
      Decoration decoration,
      boolean advice) {
    this.types = types;
    this.loaders = loaders;
    this.decoration = decoration;
    this.advice = advice;
  }

  /**
   * The type matcher, then the class loader test: a module is decided for a loader only when a class it instruments
   * arrives (the other way round, a JDK class of one module would decide, and warn about, every other module for
   * the bootstrap loader).
   */
  boolean matches(TypeDescription type, ClassLoader loader) {
    return types.matches(type) && loaders.matches(loader);
  }

  DynamicType.Builder<?> decorate(DynamicType.Builder<?> builder, ClassLoader loader) {
    return decoration.apply(builder, loader);
  }

  boolean addsAdvice() {
    return advice;
  }
}

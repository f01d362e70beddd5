package dev.weft.agent;

import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.pool.TypePool;

/**
 * One type instrumentation's advice, resolved once per class loader: the advice classes are read from the agent
 * (their parameter types from the instrumented class's loader) and parsed into Byte Buddy's {@link Advice} the
 * first time a class of that loader is transformed, and reused for the next.
 */
final class LoaderAdvice {

  private final Advice.WithCustomMapping mapping;
  private final ClassLoader agentLoader;
  private final List<TypeInstrumentation.MethodAdvice> advice;

  /** Per class loader, the advice woven into its classes. */
  private final LoaderMap<AsmVisitorWrapper> byLoader = new LoaderMap<>();

  LoaderAdvice(
      Advice.WithCustomMapping mapping,
      ClassLoader agentLoader,
      List<TypeInstrumentation.MethodAdvice> advice) {
    this.mapping = mapping;
    this.agentLoader = agentLoader;
    this.advice = advice;
  }

  /** The advice to weave into a class of this loader (null for the bootstrap loader). */
  AsmVisitorWrapper forLoader(ClassLoader loader) {
    return byLoader.computeIfAbsent(loader, this::resolve);
  }

  /**
   * The advice for classes of this loader. Its descriptions reach the loader only weakly, so that the cached value
   * does not keep its own key alive.
   */
  private AsmVisitorWrapper resolve(ClassLoader loader) {
    ClassFileLocator classFiles =
        new ClassFileLocator.Compound(
            ClassFileLocator.ForClassLoader.of(agentLoader),
            ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
    TypePool types = TypePool.Default.WithLazyResolution.of(classFiles);
    AsmVisitorWrapper.ForDeclaredMethods methods = new AsmVisitorWrapper.ForDeclaredMethods();
    for (TypeInstrumentation.MethodAdvice each : advice) {
      methods =
          methods.invokable(
              each.methods(),
              mapping
                  .to(types.describe(each.adviceClassName()).resolve(), classFiles)
                  .withAssigner(Assigner.DEFAULT)
                  .withExceptionHandler(Advice.ExceptionHandler.Default.SUPPRESSING));
    }
    return methods;
  }
}

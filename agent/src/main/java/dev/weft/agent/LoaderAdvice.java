package dev.weft.agent;

import dev.weft.instrumentation.api.TypeInstrumentation;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves one type instrumentation's advice into a class, with the advice resolved once per class loader: the
 * advice classes are read from the agent (their parameter types from the instrumented class's loader) and parsed
 * into Byte Buddy's {@link Advice} the first time a class of that loader is transformed, and reused for the next.
 * (Byte Buddy's own {@code AgentBuilder.Transformer.ForAdvice} does all of it again for every class.)
 */
final class LoaderAdvice implements AgentBuilder.Transformer {

  private final Advice.WithCustomMapping mapping;
  private final ClassLoader agentLoader;
  private final List<TypeInstrumentation.MethodAdvice> advice;

  /** Per class loader (the bootstrap loader as {@code null}), the advice woven into its classes. */
  private final Map<ClassLoader, AsmVisitorWrapper> byLoader =
      Collections.synchronizedMap(new WeakHashMap<>());

  LoaderAdvice(
      Advice.WithCustomMapping mapping,
      ClassLoader agentLoader,
      List<TypeInstrumentation.MethodAdvice> advice) {
    this.mapping = mapping;
    this.agentLoader = agentLoader;
    this.advice = advice;
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    AsmVisitorWrapper woven = byLoader.get(loader);
    if (woven == null) {
      // resolved outside the map's lock, as reading class files may load classes: two threads may
      // both resolve
      woven = resolve(loader);
      byLoader.put(loader, woven);
    }
    return builder.visit(woven);
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

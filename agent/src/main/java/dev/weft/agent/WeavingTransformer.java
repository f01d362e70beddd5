package dev.weft.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves a candidate class: describes it from its bytes ({@link LoaderTypePools}), asks every type weaving in turn
 * whether it applies, and decorates the class with all that do, in their order. A class no weaving wants is left as
 * it is, without Byte Buddy's class writer ever seeing it.
 *
 * <p>The class file format is left unchanged (no method, field or initializer is added), so that JDK classes can be
 * retransformed; a class is only decorated, never rebased. A failure leaves the class untransformed and is reported
 * once as a warning (then only when debugging). Only {@link DeferredTransformer} calls it, for the classes that pass
 * its tests (the ignored-types test among them), one at a time per thread.
 */
final class WeavingTransformer implements ClassFileTransformer {

  private static final ByteBuddy BYTE_BUDDY =
      new ByteBuddy()
          .with(TypeValidation.DISABLED)
          .with(Implementation.Context.Disabled.Factory.INSTANCE);

  private final List<TypeWeaving> weavings;
  private final LoaderTypePools typePools = new LoaderTypePools();
  private final Instrumentation instrumentation;
  private final Module adviceCallTarget;
  private final AtomicBoolean failureReported = new AtomicBoolean();

  /** @param adviceCallTarget the module woven code calls into, which instrumented named modules must read */
  WeavingTransformer(
      List<TypeWeaving> weavings, Instrumentation instrumentation, Module adviceCallTarget) {
    this.weavings = weavings;
    this.instrumentation = instrumentation;
    this.adviceCallTarget = adviceCallTarget;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    String className = internalName.replace('/', '.');
    try {
      TypePool types = typePools.forCandidate(loader, className, classFile);
      TypeDescription type = types.describe(className).resolve();
      DynamicType.Builder<?> builder = null;
      boolean advised = false;
      for (TypeWeaving weaving : weavings) {
        if (weaving.matches(type, loader)) {
          if (builder == null) {
            builder = BYTE_BUDDY.decorate(type, ClassFileLocator.Simple.of(className, classFile));
          }
          builder = weaving.decorate(builder, loader);
          advised |= weaving.addsAdvice();
        }
      }
      if (builder == null) {
        return null;
      }
      if (advised && ClassFileUpgrade.needed(type)) {
        builder = builder.visit(ClassFileUpgrade.TO_JAVA_7);
      }
      byte[] woven = builder.make(TypeResolutionStrategy.Disabled.INSTANCE, types).getBytes();
      readAdviceCallTarget(module);
      if (AgentLog.isDebug()) { // an application loader's toString() may throw
        AgentLog.debug("transformed " + className + " in " + loader);
      }
      return woven;
    } catch (Throwable t) {
      reportFailure(className, t);
      return null;
    }
  }

  /**
   * A class of a named module (the JDK's) cannot call into the unnamed module that holds the advice call's bootstrap
   * unless its module reads it.
   */
  private void readAdviceCallTarget(Module module) {
    if (module != null && module.isNamed() && !module.canRead(adviceCallTarget)) {
      instrumentation.redefineModule(
          module, Set.of(adviceCallTarget), Map.of(), Map.of(), Set.of(), Map.of());
    }
  }

  private void reportFailure(String className, Throwable error) {
    if (AgentLog.isDebug()) {
      AgentLog.debug("could not transform " + className + ": " + error);
    } else if (failureReported.compareAndSet(false, true)) {
      AgentLog.warn(
          "could not instrument "
              + className
              + " ("
              + error
              + "); it runs untraced. Further failures are listed with otel.javaagent.debug=true");
    }
  }
}

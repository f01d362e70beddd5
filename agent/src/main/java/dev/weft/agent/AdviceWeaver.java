package dev.weft.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.none;

import dev.weft.bootstrap.IndyBootstrap;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaConstant;

/**
 * Builds the class file transformer that weaves every enabled module's advice (and rewrites the loops that
 * {@link IteratorLoopExits} handles): one {@link TypeWeaving} per type instrumentation, applied by a
 * {@link WeavingTransformer}; {@link DeferredTransformer} calls it for the candidate classes (it is never installed
 * on the JVM by itself).
 *
 * <p>Advice is not inlined: each advised method gets an {@code invokedynamic} call whose bootstrap is
 * {@link IndyBootstrap}, with the advice class's name as its one argument. Types are described lazily from class
 * files (no class is loaded to match) through a type pool per class loader ({@link LoaderTypePools}), and advice is
 * resolved once per class loader ({@link LoaderAdvice}).
 *
 * <p>Byte Buddy's {@code AgentBuilder} did this before, at a price paid on the start-up thread: about 340 more Byte
 * Buddy classes (1,204 instead of 865 in a Spring Boot application), a transformer class it generated for itself,
 * and, for its Nexus (which Weft never used), a set-up that reaches {@code sun.misc.Unsafe}, which Java 24 and newer
 * warn about. Nothing here touches the Nexus.
 */
final class AdviceWeaver {

  private final ClassLoader agentLoader;
  private final List<InstrumentationModule> modules;

  AdviceWeaver(ClassLoader agentLoader, List<InstrumentationModule> modules) {
    this.agentLoader = agentLoader;
    this.modules = modules;
  }

  /** The transformer, for {@link DeferredTransformer} to call; not installed on the JVM itself. */
  ClassFileTransformer transformer(Instrumentation instrumentation) {
    Advice.WithCustomMapping adviceMapping = adviceMapping();
    List<TypeWeaving> weavings = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      ModuleApplicability applicability = new ModuleApplicability(module);
      ClassReferences usedClasses = ClassReferences.to(module.usedClasses());
      ClassReferences referencedPrefixes =
          module.referencedPrefixes().isEmpty()
              ? null
              : ClassReferences.to(module.referencedPrefixes());
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        if (type.loopHelperClassName() != null) {
          AsmVisitorWrapper loopExits =
              new AsmVisitorWrapper.ForDeclaredMethods()
                  .readerFlags(IteratorLoopExits.readerFlags())
                  .method(any(), new IteratorLoopExits(type.loopHelperClassName()));
          weavings.add(
              new TypeWeaving(
                  usersOf(type, usedClasses),
                  applicability,
                  (builder, loader) -> builder.visit(loopExits),
                  false));
          continue;
        }
        LoaderAdvice advice = new LoaderAdvice(adviceMapping, agentLoader, type.advice());
        ElementMatcher.Junction<MethodDescription> advised = none();
        for (TypeInstrumentation.MethodAdvice each : type.advice()) {
          advised = advised.or(each.methods());
        }
        // advice applies to the methods a type declares: a type that declares none (a filter
        // that only inherits doFilter) is left as it is instead of being rewritten unchanged.
        // Asked before the type matcher, since it reads only the class itself, while a super
        // type matcher parses the class files of all its super types.
        ElementMatcher<TypeDescription> declaresAdvised = declaresMethod(advised);
        weavings.add(
            new TypeWeaving(
                type.forUsers()
                    ? usersOf(type, usedClasses, declaresAdvised)
                    : named(module, referencedPrefixes, type, declaresAdvised),
                applicability,
                (builder, loader) -> builder.visit(advice.forLoader(loader)),
                true));
      }
    }
    // instrumented JDK classes live in named modules, which must read the one holding IndyBootstrap
    return new WeavingTransformer(weavings, instrumentation, IndyBootstrap.class.getModule());
  }

  /**
   * Classes that refer to one of the module's used classes and match the type instrumentation's matcher. Classes
   * compiled for Java 6 or older cannot hold the {@code invokedynamic} that advice and the loop rewrite add.
   */
  private static ElementMatcher<TypeDescription> usersOf(
      TypeInstrumentation type, ClassReferences usedClasses) {
    return candidate ->
        atLeastJava7(candidate)
            && type.types().matches(candidate)
            && usedClasses.transformedClassRefersToAny();
  }

  /** {@link #usersOf(TypeInstrumentation, ClassReferences)} that declare a method to advise. */
  private static ElementMatcher<TypeDescription> usersOf(
      TypeInstrumentation type,
      ClassReferences usedClasses,
      ElementMatcher<TypeDescription> declaresAdvised) {
    return candidate ->
        atLeastJava7(candidate)
            && declaresAdvised.matches(candidate)
            && type.types().matches(candidate)
            && usedClasses.transformedClassRefersToAny();
  }

  private static boolean atLeastJava7(TypeDescription type) {
    return type.getClassFileVersion() != null
        && type.getClassFileVersion().isAtLeast(ClassFileVersion.JAVA_V7);
  }

  /**
   * The module's name test and referenced prefixes (the tests {@link DeferredTransformer} made for the module that
   * made the class a candidate, made here for every module), a method to advise, then the type instrumentation's
   * matcher.
   *
   * @param referencedPrefixes the module's, or null when it has none
   */
  private static ElementMatcher<TypeDescription> named(
      InstrumentationModule module,
      ClassReferences referencedPrefixes,
      TypeInstrumentation type,
      ElementMatcher<TypeDescription> declaresAdvised) {
    return candidate ->
        module.mayApplyTo(candidate.getName())
            && (referencedPrefixes == null || referencedPrefixes.transformedClassRefersToAny())
            && declaresAdvised.matches(candidate)
            && type.types().matches(candidate);
  }

  /**
   * Advice through {@link IndyBootstrap}, whose one static argument is the advice class's name. Advice may replace
   * arguments and return values with {@code @Advice.AssignReturned}; a failed assignment is suppressed.
   */
  private static Advice.WithCustomMapping adviceMapping() {
    try {
      return Advice.withCustomMapping()
          .with(new Advice.AssignReturned.Factory().withSuppressed(Throwable.class))
          .bootstrap(
              IndyBootstrap.method(),
              (adviceMethod, exit) ->
                  (instrumentedType, instrumentedMethod) ->
                      List.of(
                          JavaConstant.Simple.ofLoaded(adviceMethod.getDeclaringType().getName())));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the bootstrap classes do not match the agent", e);
    }
  }
}

package dev.weft.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.none;

import dev.weft.bootstrap.IndyBootstrap;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaConstant;
import net.bytebuddy.utility.JavaModule;

/**
 * Builds the class file transformer that weaves every enabled module's advice (and rewrites the loops that
 * {@link IteratorLoopExits} handles), with one Byte Buddy {@link AgentBuilder}; {@link DeferredTransformer} calls it
 * for the candidate classes (it is never installed on the JVM by itself).
 *
 * <p>Advice is not inlined: each advised method gets an {@code invokedynamic} call whose bootstrap is
 * {@link IndyBootstrap}, with the advice class's name as its one argument. Types are described lazily from class
 * files (no class is loaded to match) and kept per class loader ({@link LoaderTypeCaches}), advice is resolved once
 * per class loader ({@link LoaderAdvice}), the class file format is left unchanged, and classes are only decorated
 * (never rebased), which keeps transformation cheap.
 */
final class AdviceWeaver {

  private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

  private final ClassLoader agentLoader;
  private final IgnoredTypes ignoredTypes;
  private final List<InstrumentationModule> modules;

  AdviceWeaver(
      ClassLoader agentLoader, IgnoredTypes ignoredTypes, List<InstrumentationModule> modules) {
    this.agentLoader = agentLoader;
    this.ignoredTypes = ignoredTypes;
    this.modules = modules;
  }

  /** The transformer, for {@link DeferredTransformer} to call; not installed on the JVM itself. */
  ClassFileTransformer transformer(Instrumentation instrumentation) {
    Advice.WithCustomMapping adviceMapping = adviceMapping();
    AgentBuilder builder =
        newAgentBuilder()
            .disableClassFormatChanges()
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(new LoaderTypeCaches())
            .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(new Listener())
            .ignore(
                (type, loader, module, classBeingRedefined, protectionDomain) ->
                    ignoredTypes.ignored(loader, type.getInternalName()))
            // instrumented JDK classes live in named modules, which must read the one holding
            // IndyBootstrap
            .assureReadEdgeTo(instrumentation, IndyBootstrap.class);
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
          builder =
              builder
                  .type(typeThenLoader(usersOf(type, usedClasses), applicability))
                  .transform(
                      (typeBuilder, typeDescription, loader, javaModule, protectionDomain) ->
                          typeBuilder.visit(loopExits));
          continue;
        }
        LoaderAdvice transformer = new LoaderAdvice(adviceMapping, agentLoader, type.advice());
        ElementMatcher.Junction<MethodDescription> advised = none();
        for (TypeInstrumentation.MethodAdvice advice : type.advice()) {
          advised = advised.or(advice.methods());
        }
        // advice applies to the methods a type declares: a type that declares none (a filter that
        // only inherits
        // doFilter) is left as it is instead of being rewritten unchanged. Asked before the type
        // matcher, since it
        // reads only the class itself, while a super type matcher parses the class files of all its
        // super types.
        ElementMatcher<TypeDescription> declaresAdvised = declaresMethod(advised);
        builder =
            builder
                .type(
                    typeThenLoader(
                        type.forUsers()
                            ? usersOf(type, usedClasses, declaresAdvised)
                            : named(module, referencedPrefixes, type, declaresAdvised),
                        applicability))
                .transform(transformer)
                .transform(
                    (typeBuilder, typeDescription, loader, javaModule, protectionDomain) ->
                        ClassFileUpgrade.needed(typeDescription)
                            ? typeBuilder.visit(ClassFileUpgrade.TO_JAVA_7)
                            : typeBuilder);
      }
    }
    return builder.makeRaw();
  }

  /**
   * A Byte Buddy agent builder without its Nexus, which Weft never uses (it initializes no generated types) and
   * whose set-up reaches {@code sun.misc.Unsafe}: on Java 24 and newer that makes the JVM print four warning lines
   * into the application's output. Byte Buddy reads the switch once, when the builder is made; the property is
   * restored at once, so the application's own Byte Buddy is not affected.
   */
  private static AgentBuilder newAgentBuilder() {
    String previous = System.getProperty(NEXUS_DISABLED);
    System.setProperty(NEXUS_DISABLED, "true");
    try {
      return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED));
    } finally {
      if (previous == null) {
        System.clearProperty(NEXUS_DISABLED);
      } else {
        System.setProperty(NEXUS_DISABLED, previous);
      }
    }
  }

  /**
   * The type matcher, then the module's class loader test: only for the classes the module instruments is the module
   * decided for their loader. (Byte Buddy's own order is the loader first: a JDK class of one module would decide,
   * and warn about, every other module for the bootstrap loader.)
   */
  private static AgentBuilder.RawMatcher typeThenLoader(
      ElementMatcher<TypeDescription> types, ModuleApplicability applicability) {
    return (type, loader, javaModule, classBeingRedefined, protectionDomain) ->
        types.matches(type) && applicability.matches(loader);
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

  /** Says what was transformed when debugging, and reports the first failure to transform a class in any case. */
  private static final class Listener extends AgentBuilder.Listener.Adapter {
    private final AtomicBoolean failureReported = new AtomicBoolean();

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      AgentLog.debug("transformed " + type.getName() + " in " + loader);
    }

    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      if (AgentLog.isDebug()) {
        AgentLog.debug("could not transform " + typeName + ": " + error);
      } else if (failureReported.compareAndSet(false, true)) {
        AgentLog.warn(
            "could not instrument "
                + typeName
                + " ("
                + error
                + "); it runs untraced. Further failures "
                + "are listed with otel.javaagent.debug=true");
      }
    }
  }
}

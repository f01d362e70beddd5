package dev.weft.instrumentation.api;

import java.util.List;

/**
 * One library's instrumentation: found by the agent with {@code ServiceLoader}.
 *
 * <p>Every class name a module declares or is given is a binary name ({@code org.example.Outer$Inner}), as
 * {@link Class#getName()}, Byte Buddy's {@code named(...)} and this API's class literals spell it; only method
 * descriptors in {@link Requirement}s use the JVM's notation.
 *
 * <p>Classes in the module's package (and below) are loaded per application class loader, in a class loader
 * that sees that application loader's library classes; everything else the module uses (this API, the
 * OpenTelemetry API, shared helpers in other packages) is loaded once by the agent.
 */
public abstract class InstrumentationModule {

  private final String name;

  /** @param name the module's name in {@code otel.instrumentation.<name>.enabled} */
  protected InstrumentationModule(String name) {
    this.name = name;
  }

  public final String name() {
    return name;
  }

  /** The library versions this module supports, in words, for the warning given when a class loader's do not fit. */
  public abstract String supportedVersions();

  /**
   * A test on the class name alone, run for every class the JVM loads before anything else is done with it, so it
   * must be cheap (no regex, no allocation). Only classes it accepts reach the type matchers.
   *
   * @param className the binary name of the class being loaded
   */
  public abstract boolean mayApplyTo(String className);

  /**
   * Prefixes of binary names (a package, such as {@code javax.servlet.}) of which a class that {@link #mayApplyTo}
   * accepts must mention at least one in its constant pool, where every class, interface and method signature it
   * refers to is named: a second test on the class file bytes, still without parsing, for a module whose name test
   * is broad (every class named {@code *Filter*} or {@code *Statement*}) while its targets all implement the
   * library's interfaces. Empty (the default): the name test alone decides.
   */
  public List<String> referencedPrefixes() {
    return List.of();
  }

  /**
   * JDK classes the module instruments. The agent leaves the JDK alone except for these; their
   * advice must handle the agent's own use of the JDK as well.
   */
  public List<String> jdkTypes() {
    return List.of();
  }

  /**
   * Library classes whose users (any class whose constant pool names one of them) the module's
   * {@link TypeInstrumentation#forUsersOf} and {@link TypeInstrumentation#forLoopsOfUsersOf} instrumentations apply
   * to, whatever their names. Checked on the class file bytes of every class the name test rejects, so keep it
   * empty unless needed.
   */
  public List<String> usedClasses() {
    return List.of();
  }

  /**
   * Whether the module's advice starts spans, so that it must wait for the SDK the agent builds while the
   * application starts: its first call waits, and it is linked to nothing when tracing is off. A module that only
   * carries context (and never waits) says false: its advice is linked at once, also on the agent's own threads.
   */
  public boolean needsTracing() {
    return true;
  }

  /** A class whose presence in a class loader says the library is there at all. */
  public abstract String markerClass();

  /** The classes and methods the advice uses; a class loader lacking any of them stays uninstrumented. */
  public abstract List<Requirement> requirements();

  public abstract List<TypeInstrumentation> typeInstrumentations();

  /**
   * Package prefixes (ending in {@code .}) that the module's own classes take from the application class loader,
   * although the agent has classes of the same name: for a module that bridges the application's copy of a library
   * the agent also uses (the OpenTelemetry API). Module classes then cannot name the agent's copy; they reach it
   * only through classes outside the module package (loaded once by the agent) whose signatures use JDK types.
   */
  public List<String> applicationPackages() {
    return List.of();
  }

  /** The package prefix whose classes are loaded per application class loader. */
  public String modulePackagePrefix() {
    return getClass().getPackageName() + ".";
  }
}

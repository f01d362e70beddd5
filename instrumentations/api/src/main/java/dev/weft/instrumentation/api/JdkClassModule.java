package dev.weft.instrumentation.api;

import java.util.List;

/** A module that instruments one implementation class of the JDK, present in every supported Java version. */
public abstract class JdkClassModule extends InstrumentationModule {

  private final String implementation;
  private final String publicApiClass;

  /**
   * @param implementation the JDK class instrumented
   * @param publicApiClass the public class it implements, whose presence says the JDK has it
   */
  protected JdkClassModule(String name, String implementation, String publicApiClass) {
    super(name);
    this.implementation = implementation;
    this.publicApiClass = publicApiClass;
  }

  /** The instrumented class, for type matchers. */
  protected final String implementationName() {
    return implementation;
  }

  @Override
  public String supportedVersions() {
    return publicApiClass + " of Java 11 and newer";
  }

  @Override
  public List<String> jdkTypes() {
    return List.of(implementation);
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(implementation);
  }

  @Override
  public String markerClass() {
    return publicApiClass;
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(Requirement.type(implementation));
  }
}

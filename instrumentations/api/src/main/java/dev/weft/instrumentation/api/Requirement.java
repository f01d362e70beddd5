package dev.weft.instrumentation.api;

/**
 * A class, or a method of a class, that a module's advice calls and that must exist in the library version
 * found in a class loader. Checked once per class loader by reading class files, before anything is
 * transformed, so that an unknown version is left alone rather than failing at run time.
 */
public final class Requirement {

  private final String className;
  private final String methodName;
  private final String descriptor;

  private Requirement(String className, String methodName, String descriptor) {
    this.className = className;
    this.methodName = methodName;
    this.descriptor = descriptor;
  }

  public static Requirement type(String className) {
    return new Requirement(className, null, null);
  }

  /**
   * A method declared by {@code className} or inherited by it.
   *
   * @param descriptor the JVM method descriptor, for example {@code ()I}
   */
  public static Requirement method(String className, String methodName, String descriptor) {
    return new Requirement(className, methodName, descriptor);
  }

  public String className() {
    return className;
  }

  /** The method's name, or {@code null} when only the class is required. */
  public String methodName() {
    return methodName;
  }

  public String descriptor() {
    return descriptor;
  }

  @Override
  public String toString() {
    return methodName == null ? className : className + "#" + methodName + descriptor;
  }
}

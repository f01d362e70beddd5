package dev.weft.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * One supported version of a library, as the jars the build copied into {@code target/libraries/<name>}, on top of
 * the JDK: answers whether a class, method or field a module uses is there, declared or inherited, as the JVM
 * would resolve it.
 */
final class LibraryVersion {

  private final String name;
  private final TypePool types;

  private LibraryVersion(String name, TypePool types) {
    this.name = name;
    this.types = types;
  }

  static LibraryVersion of(String name) {
    Path directory = Path.of("target", "libraries", name);
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(
          "no jars for library version "
              + name
              + " in "
              + directory.toAbsolutePath()
              + ": add them to the copy in module-checks/pom.xml");
    }
    List<ClassFileLocator> locators = new ArrayList<>();
    try (Stream<Path> jars = Files.list(directory)) {
      for (Path jar : (Iterable<Path>) jars.sorted()::iterator) {
        locators.add(ClassFileLocator.ForJarFile.of(jar.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    locators.add(ClassFileLocator.ForClassLoader.of(ClassLoader.getPlatformClassLoader()));
    return new LibraryVersion(name, TypePool.Default.of(new ClassFileLocator.Compound(locators)));
  }

  /** The JDK alone, for modules of JDK classes, and to tell the JDK's classes from a library's. */
  static LibraryVersion jdkOnly() {
    return new LibraryVersion(
        "the JDK",
        TypePool.Default.of(
            ClassFileLocator.ForClassLoader.of(ClassLoader.getPlatformClassLoader())));
  }

  boolean hasClass(String internalName) {
    return types.describe(internalName.replace('/', '.')).isResolved();
  }

  String name() {
    return name;
  }

  boolean has(Reference reference) {
    try {
      return resolves(reference);
    } catch (
        IllegalStateException e) { // a super type outside the jars: not resolvable as the JVM would
      return false;
    }
  }

  private boolean resolves(Reference reference) {
    TypePool.Resolution resolution = types.describe(reference.owner().replace('/', '.'));
    if (!resolution.isResolved()) {
      return false;
    }
    TypeDescription owner = resolution.resolve();
    switch (reference.kind()) {
      case METHOD:
        return hasMethod(owner, reference)
            || hasMethod(TypeDescription.ForLoadedType.of(Object.class), reference);
      case FIELD:
        return hasField(owner, reference);
      default:
        return true;
    }
  }

  private static boolean hasMethod(TypeDefinition type, Reference reference) {
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (method.getInternalName().equals(reference.member())
          && method.getDescriptor().equals(reference.descriptor())) {
        return true;
      }
    }
    return inherited(type, superType -> hasMethod(superType, reference));
  }

  private static boolean hasField(TypeDefinition type, Reference reference) {
    for (FieldDescription field : type.getDeclaredFields()) {
      if (field.getName().equals(reference.member())
          && field.getDescriptor().equals(reference.descriptor())) {
        return true;
      }
    }
    return inherited(type, superType -> hasField(superType, reference));
  }

  private static boolean inherited(
      TypeDefinition type, java.util.function.Predicate<TypeDefinition> test) {
    TypeDescription.Generic superClass = type.getSuperClass();
    if (superClass != null && test.test(superClass)) {
      return true;
    }
    for (TypeDescription.Generic implemented : type.getInterfaces()) {
      if (test.test(implemented)) {
        return true;
      }
    }
    return false;
  }
}

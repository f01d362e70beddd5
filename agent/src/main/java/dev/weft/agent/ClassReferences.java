package dev.weft.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the classes that refer to a module's {@link dev.weft.instrumentation.api.InstrumentationModule#usedClasses()
 * used classes}, by the class's internal name in the raw class file (its constant pool holds the names of the
 * classes it refers to). The class file being transformed is kept per thread for Byte Buddy's matchers, which see
 * only a description of the type.
 */
final class ClassReferences {

  private static final ThreadLocal<byte[]> BEING_TRANSFORMED = new ThreadLocal<>();

  private final List<byte[]> usedClasses = new ArrayList<>();

  ClassReferences(List<String> usedClassInternalNames) {
    for (String name : usedClassInternalNames) {
      usedClasses.add(name.getBytes(StandardCharsets.UTF_8));
    }
  }

  boolean isEmpty() {
    return usedClasses.isEmpty();
  }

  /** Whether the class file names any of the used classes. */
  boolean refersToAny(byte[] classFile) {
    for (byte[] usedClass : usedClasses) {
      if (contains(classFile, usedClass)) {
        return true;
      }
    }
    return false;
  }

  static void beingTransformed(byte[] classFile) {
    BEING_TRANSFORMED.set(classFile);
  }

  static void transformed() {
    BEING_TRANSFORMED.remove();
  }

  /** Whether the class file this thread is transforming names {@code internalName}. */
  static boolean transformedClassRefersTo(String internalName) {
    byte[] classFile = BEING_TRANSFORMED.get();
    return classFile != null && contains(classFile, internalName.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean contains(byte[] bytes, byte[] wanted) {
    byte first = wanted[0];
    int last = bytes.length - wanted.length;
    for (int i = 0; i <= last; i++) {
      if (bytes[i] == first && matchesAt(bytes, i, wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] bytes, int offset, byte[] wanted) {
    for (int j = 1; j < wanted.length; j++) {
      if (bytes[offset + j] != wanted[j]) {
        return false;
      }
    }
    return true;
  }
}

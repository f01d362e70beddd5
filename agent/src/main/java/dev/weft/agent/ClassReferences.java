package dev.weft.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final int shortestUsedClass;

  /**
   * Per byte value, how far the search may move on when the last byte under a window as long as the shortest name
   * is that byte (Horspool's skip, over all names at once): most bytes of a class file occur in no name looked for,
   * or only early in one, so the search looks at a fraction of the bytes.
   */
  private final int[] skip = new int[256];

  /** References to the classes of these binary names. */
  static ClassReferences to(List<String> classNames) {
    List<String> internalNames = new ArrayList<>();
    for (String name : classNames) {
      internalNames.add(name.replace('.', '/'));
    }
    return new ClassReferences(internalNames);
  }

  ClassReferences(List<String> usedClassInternalNames) {
    int shortest = Integer.MAX_VALUE;
    for (String name : usedClassInternalNames) {
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      usedClasses.add(bytes);
      shortest = Math.min(shortest, bytes.length);
    }
    this.shortestUsedClass = shortest;
    Arrays.fill(skip, shortest);
    for (byte[] usedClass : usedClasses) {
      for (int i = 0; i < shortest - 1; i++) {
        skip[usedClass[i] & 0xFF] = Math.min(skip[usedClass[i] & 0xFF], shortest - 1 - i);
      }
    }
  }

  boolean isEmpty() {
    return usedClasses.isEmpty();
  }

  /**
   * Whether the class file names any of the used classes. Only the constant pool is read, where every name a class
   * refers to is held (in its UTF-8 entries: class names, descriptors, annotation types); its code is skipped, and
   * so are entries shorter than the shortest name looked for.
   */
  boolean refersToAny(byte[] classFile) {
    try {
      int entries = u2(classFile, 8);
      int offset = 10;
      for (int index = 1; index < entries; index++) {
        int tag = classFile[offset] & 0xFF;
        if (tag == 1) { // CONSTANT_Utf8: u2 length, bytes
          int length = u2(classFile, offset + 1);
          if (length >= shortestUsedClass && containsAny(classFile, offset + 3, length)) {
            return true;
          }
          offset += 3 + length;
        } else if (tag == 5 || tag == 6) { // Long, Double: 8 bytes, two entries
          offset += 9;
          index++;
        } else if (tag == 7 || tag == 8 || tag == 16 || tag == 19
            || tag == 20) { // Class, String, MethodType, ...
          offset += 3;
        } else if (tag == 15) { // MethodHandle
          offset += 4;
        } else if (tag == 3 || tag == 4 || (tag >= 9 && tag <= 12) || tag == 17 || tag == 18) {
          offset += 5;
        } else {
          return containsAny(
              classFile, 0, classFile.length); // a constant this reader does not know
        }
      }
      return false;
    } catch (IndexOutOfBoundsException malformed) {
      return false; // the JVM rejects it anyway
    }
  }

  /** Whether any used class occurs in {@code bytes} from {@code from}, within {@code length} bytes. */
  private boolean containsAny(byte[] bytes, int from, int length) {
    int end = from + length;
    for (int last = from + shortestUsedClass - 1; last < end; last += skip[bytes[last] & 0xFF]) {
      int start = last - shortestUsedClass + 1;
      for (byte[] usedClass : usedClasses) {
        if (start + usedClass.length <= end && matchesAt(bytes, start, usedClass)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int u2(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }

  static void beingTransformed(byte[] classFile) {
    BEING_TRANSFORMED.set(classFile);
  }

  static void transformed() {
    BEING_TRANSFORMED.remove();
  }

  /** Whether this thread is transforming a class (between {@link #beingTransformed} and {@link #transformed}). */
  static boolean isTransforming() {
    return BEING_TRANSFORMED.get() != null;
  }

  /** Whether the class file this thread is transforming names any of the used classes. */
  boolean transformedClassRefersToAny() {
    byte[] classFile = BEING_TRANSFORMED.get();
    return classFile != null && refersToAny(classFile);
  }

  private static boolean matchesAt(byte[] bytes, int offset, byte[] wanted) {
    for (int j = 0; j < wanted.length; j++) {
      if (bytes[offset + j] != wanted[j]) {
        return false;
      }
    }
    return true;
  }
}

package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class ClassReferencesTest {

  /** Names the used class only in a method's body, after constants of every width. */
  static final class UsesInCode {
    static final long LONG = 1L << 40;
    static final double DOUBLE = 0.5;

    Object make() {
      Runnable lambda = () -> {};
      return LONG + DOUBLE + "text" + lambda + new ConcurrentSkipListMap<String, String>();
    }
  }

  /** Names the used class only as an annotation on a method. */
  static final class UsesAsAnnotation {
    @FunctionalInterfaceMarker
    void annotated() {}
  }

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface FunctionalInterfaceMarker {}

  static final class UsesNothing {
    int add(int a, int b) {
      return a + b;
    }
  }

  /** Names java.sql only in a method's descriptor, as a driver's statement class does. */
  static final class TakesAConnection {
    boolean isOpen(java.sql.Connection connection) {
      return connection != null;
    }
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in =
        type.getResourceAsStream(
            type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void findsANameUsedInCodeOrAsAnAnnotation() throws IOException {
    ClassReferences references =
        new ClassReferences(
            List.of(
                "java/util/concurrent/ConcurrentSkipListMap",
                "dev/weft/agent/ClassReferencesTest$FunctionalInterfaceMarker"));
    assertTrue(references.refersToAny(classFile(UsesInCode.class)));
    assertTrue(references.refersToAny(classFile(UsesAsAnnotation.class)));
    assertFalse(references.refersToAny(classFile(UsesNothing.class)));
  }

  @Test
  void findsAPackagePrefixInADescriptor() throws IOException {
    ClassReferences javaSql = new ClassReferences(List.of("java/sql/"));
    assertTrue(javaSql.refersToAny(classFile(TakesAConnection.class)));
    assertFalse(javaSql.refersToAny(classFile(UsesNothing.class)));
  }

  @Test
  void findsAShortNameBesideLongerOnes() throws IOException {
    ClassReferences references =
        new ClassReferences(
            List.of("org/example/a/much/longer/name/Unused", "java/sql/", "org/example/Other"));
    assertTrue(references.refersToAny(classFile(TakesAConnection.class)));
    assertFalse(references.refersToAny(classFile(UsesNothing.class)));
  }

  @Test
  void aMalformedClassFileRefersToNothing() {
    assertFalse(
        new ClassReferences(List.of("a/B"))
            .refersToAny(
                new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0, 0, 0, 52, 0, 9, 1, 0, 100}));
  }
}

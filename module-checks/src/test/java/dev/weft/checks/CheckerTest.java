package dev.weft.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.NewerLibraryOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedTransferQueue;
import net.bytebuddy.asm.Advice;
import org.junit.jupiter.api.Test;

/** The reference check's own parts, on classes of this test: what it reads, and what it finds wrong with advice. */
class CheckerTest {

  static final class Plain {
    Object use() {
      return new ConcurrentSkipListMap<String, String>();
    }
  }

  @NewerLibraryOnly("test")
  static final class Marked extends ConcurrentSkipListSet<String> {
    Object use() {
      return new LinkedTransferQueue<String>();
    }
  }

  static final class MarkedMethod {
    @NewerLibraryOnly("test")
    LinkedTransferQueue<String> newer() {
      return new LinkedTransferQueue<>();
    }

    Object plain() {
      return new ConcurrentSkipListMap<String, String>();
    }
  }

  public static final class GoodAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void exit() {}
  }

  public static final class BadAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void inlined() {}

    @Advice.OnMethodExit(inline = false)
    public static void throwing() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public void notStatic() {}
  }

  @Test
  void usesAreReadWithWhetherTheyAreOutsideNewerOnlyCode() {
    Reference mapConstructor =
        Reference.toMethod("java/util/concurrent/ConcurrentSkipListMap", "<init>", "()V");
    Reference queue = Reference.toClass("java/util/concurrent/LinkedTransferQueue");

    assertEquals(true, ClassReferences.of(classFile(Plain.class)).get(mapConstructor));

    Map<Reference, Boolean> marked = ClassReferences.of(classFile(Marked.class));
    assertEquals(false, marked.get(queue));
    assertEquals(
        false,
        marked.get(Reference.toClass("java/util/concurrent/ConcurrentSkipListSet")),
        "the super class of a marked class");

    Map<Reference, Boolean> markedMethod = ClassReferences.of(classFile(MarkedMethod.class));
    assertEquals(false, markedMethod.get(queue), "the marked method's signature and code");
    assertEquals(true, markedMethod.get(mapConstructor), "the unmarked method's code");
  }

  @Test
  void adviceOfTheRequiredShapePasses() {
    assertEquals(List.of(), AdviceShape.problemsOf(classFile(GoodAdvice.class)));
  }

  @Test
  void adviceProblemsAreNamed() {
    List<String> problems = AdviceShape.problemsOf(classFile(BadAdvice.class));

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.contains("inlined()V is not declared inline = false"), problems.toString());
    assertTrue(
        problems.contains("throwing()V does not declare suppress = Throwable.class"),
        problems.toString());
    assertTrue(problems.contains("notStatic()V is not public static"), problems.toString());
    assertFalse(
        AdviceShape.problemsOf(classFile(Plain.class)).isEmpty(), "a class with no advice method");
  }

  private static byte[] classFile(Class<?> type) {
    try (InputStream in =
        type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.weft.checks;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * What the agent needs of an advice class, read from its class file: public, with at least one
 * {@code @Advice.OnMethodEnter} or {@code @Advice.OnMethodExit} method, each {@code public static}, not inlined
 * ({@code inline = false}: the agent links advice through {@code invokedynamic}) and suppressing every throwable
 * ({@code suppress = Throwable.class}: advice never throws into the application).
 */
final class AdviceShape extends ClassVisitor {

  private static final String ENTER = "Lnet/bytebuddy/asm/Advice$OnMethodEnter;";
  private static final String EXIT = "Lnet/bytebuddy/asm/Advice$OnMethodExit;";
  private static final Type THROWABLE = Type.getType(Throwable.class);

  private final List<String> problems = new ArrayList<>();
  private int adviceMethods;

  private AdviceShape() {
    super(Opcodes.ASM9);
  }

  /** What is wrong with the advice class; empty when nothing is. */
  static List<String> problemsOf(byte[] classFile) {
    AdviceShape shape = new AdviceShape();
    new ClassReader(classFile).accept(shape, ClassReader.SKIP_CODE);
    if (shape.adviceMethods == 0) {
      shape.problems.add("has no @Advice.OnMethodEnter or @Advice.OnMethodExit method");
    }
    return shape.problems;
  }

  /** What is wrong with a helper that rewritten loops call: it needs {@code public static void loopLeft(Object)}. */
  static List<String> problemsOfLoopHelper(byte[] classFile) {
    boolean[] found = new boolean[1];
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access,
                  String name,
                  String descriptor,
                  String signature,
                  String[] exceptions) {
                if (name.equals("loopLeft")
                    && descriptor.equals("(Ljava/lang/Object;)V")
                    && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC))
                        == (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC)) {
                  found[0] = true;
                }
                return null;
              }
            },
            ClassReader.SKIP_CODE);
    return found[0] ? List.of() : List.of("has no public static void loopLeft(Object)");
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    if ((access & Opcodes.ACC_PUBLIC) == 0) {
      problems.add("is not public");
    }
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    return new MethodVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
        if (!annotation.equals(ENTER) && !annotation.equals(EXIT)) {
          return null;
        }
        adviceMethods++;
        String method = name + descriptor;
        if ((access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC))
            != (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC)) {
          problems.add(method + " is not public static");
        }
        return new AnnotationVisitor(Opcodes.ASM9) {
          private boolean notInlined;
          private boolean suppressesThrowable;

          @Override
          public void visit(String attribute, Object value) {
            if (attribute.equals("inline")) {
              notInlined = Boolean.FALSE.equals(value);
            } else if (attribute.equals("suppress")) {
              suppressesThrowable = THROWABLE.equals(value);
            }
          }

          @Override
          public void visitEnd() {
            if (!notInlined) {
              problems.add(method + " is not declared inline = false");
            }
            if (!suppressesThrowable) {
              problems.add(method + " does not declare suppress = Throwable.class");
            }
          }
        };
      }
    };
  }
}

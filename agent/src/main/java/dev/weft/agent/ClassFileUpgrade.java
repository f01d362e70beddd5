package dev.weft.agent;

import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Raises an advised class compiled for Java 6 or older (Logback 1.2, SLF4J 1.7, ...) to Java 7's class file
 * version, the first that may hold the {@code invokedynamic} advice calls, and has ASM compute its stack map frames
 * afresh, as Java 7 verification requires them. A class ASM cannot compute frames for (one using {@code jsr}) fails
 * to transform and stays untraced.
 */
final class ClassFileUpgrade implements AsmVisitorWrapper {

  static final ClassFileUpgrade TO_JAVA_7 = new ClassFileUpgrade();

  private ClassFileUpgrade() {}

  static boolean needed(TypeDescription type) {
    ClassFileVersion version = type.getClassFileVersion();
    return version != null && version.isLessThan(ClassFileVersion.JAVA_V7);
  }

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_FRAMES;
  }

  @Override
  public int mergeReader(int flags) {
    return flags;
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
      @Override
      public void visit(
          int version,
          int access,
          String name,
          String signature,
          String superName,
          String[] interfaces) {
        super.visit(
            Math.max(version & 0xFFFF, Opcodes.V1_7),
            access,
            name,
            signature,
            superName,
            interfaces);
      }
    };
  }
}

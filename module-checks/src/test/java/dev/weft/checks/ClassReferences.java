package dev.weft.checks;

import dev.weft.instrumentation.api.NewerLibraryOnly;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Every class, method and field a class file names in what the JVM links: its super types, the types of its fields
 * and method signatures, and the owners and members of the instructions (calls, field accesses, {@code new},
 * casts, class literals, caught exceptions, method handles). Annotations and debug information are left out: a
 * missing annotation class or local variable type never fails at run time.
 *
 * <p>Each reference says whether some use of it is outside code marked {@link NewerLibraryOnly}.
 */
final class ClassReferences extends ClassVisitor {

  private static final String NEWER_LIBRARY_ONLY = Type.getDescriptor(NewerLibraryOnly.class);

  /** Each reference, and whether it is used outside code marked {@link NewerLibraryOnly}. */
  private final Map<Reference, Boolean> references = new LinkedHashMap<>();

  private boolean classOnlyForNewer;
  private boolean inNewerOnlyCode;

  private ClassReferences() {
    super(Opcodes.ASM9);
  }

  /** Every reference of the class file, mapped to whether some use of it is outside newer-only code. */
  static Map<Reference, Boolean> of(byte[] classFile) {
    ClassReferences visitor = new ClassReferences();
    new ClassReader(classFile).accept(visitor, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return visitor.references;
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    if (descriptor.equals(NEWER_LIBRARY_ONLY)) {
      classOnlyForNewer = true;
      inNewerOnlyCode = true;
      relaxSignature(0); // the super types, read before the class's annotations
    }
    return null;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    if (superName != null) {
      addType(superName);
    }
    for (String each : interfaces) {
      addType(each);
    }
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    inNewerOnlyCode = classOnlyForNewer;
    addType(Type.getType(descriptor));
    return null;
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    inNewerOnlyCode = classOnlyForNewer;
    int signatureStart = references.size();
    addMethodTypes(descriptor);
    return new MethodVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
        if (annotation.equals(NEWER_LIBRARY_ONLY) && !inNewerOnlyCode) {
          inNewerOnlyCode = true;
          relaxSignature(signatureStart);
        }
        return null;
      }

      @Override
      public void visitTypeInsn(int opcode, String type) {
        addType(type);
      }

      @Override
      public void visitFieldInsn(
          int opcode, String owner, String fieldName, String fieldDescriptor) {
        addField(owner, fieldName, fieldDescriptor);
      }

      @Override
      public void visitMethodInsn(
          int opcode,
          String owner,
          String methodName,
          String methodDescriptor,
          boolean isInterface) {
        addMethod(owner, methodName, methodDescriptor);
      }

      @Override
      public void visitInvokeDynamicInsn(
          String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
        addMethodTypes(indyDescriptor);
        addHandle(bootstrap);
        for (Object argument : arguments) {
          addConstant(argument);
        }
      }

      @Override
      public void visitLdcInsn(Object value) {
        addConstant(value);
      }

      @Override
      public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
        addType(Type.getType(arrayDescriptor));
      }

      @Override
      public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
          addType(type);
        }
      }
    };
  }

  /** Annotations are read after what they annotate: the references since {@code start} become newer-only. */
  private void relaxSignature(int signatureStart) {
    int index = 0;
    for (Map.Entry<Reference, Boolean> entry : references.entrySet()) {
      if (index++ >= signatureStart && entry.getValue()) {
        entry.setValue(false);
      }
    }
  }

  private void addConstant(Object constant) {
    if (constant instanceof Type) {
      Type type = (Type) constant;
      if (type.getSort() == Type.METHOD) {
        addMethodTypes(type.getDescriptor());
      } else {
        addType(type);
      }
    } else if (constant instanceof Handle) {
      addHandle((Handle) constant);
    }
  }

  private void addHandle(Handle handle) {
    if (handle.getTag() <= Opcodes.H_PUTSTATIC) {
      addField(handle.getOwner(), handle.getName(), handle.getDesc());
    } else {
      addMethod(handle.getOwner(), handle.getName(), handle.getDesc());
    }
  }

  private void addMethod(String owner, String name, String descriptor) {
    addMethodTypes(descriptor);
    if (owner.startsWith("[")) {
      addType(Type.getObjectType(owner)); // clone() of an array
      return;
    }
    addType(owner);
    add(Reference.toMethod(owner, name, descriptor));
  }

  private void addField(String owner, String name, String descriptor) {
    addType(Type.getType(descriptor));
    addType(owner);
    add(Reference.toField(owner, name, descriptor));
  }

  private void addMethodTypes(String descriptor) {
    Type method = Type.getMethodType(descriptor);
    addType(method.getReturnType());
    for (Type argument : method.getArgumentTypes()) {
      addType(argument);
    }
  }

  private void add(Reference reference) {
    references.merge(reference, !inNewerOnlyCode, Boolean::logicalOr);
  }

  private void addType(Type type) {
    if (type.getSort() == Type.ARRAY) {
      type = type.getElementType();
    }
    if (type.getSort() == Type.OBJECT) {
      addType(type.getInternalName());
    }
  }

  private void addType(String internalName) {
    if (internalName.startsWith("[")) {
      addType(Type.getObjectType(internalName));
    } else {
      add(Reference.toClass(internalName));
    }
  }
}

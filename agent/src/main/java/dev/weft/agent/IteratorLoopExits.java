package dev.weft.agent;

import dev.weft.instrumentation.api.LoopScope;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites loops over an iterator ({@code for (X x : xs)} and {@code while (it.hasNext())}, as javac and other
 * compilers write them: {@code aload it; invokeinterface Iterator.hasNext; ifeq exit}) so that leaving the loop by
 * {@code break} (a jump to its exit) or by {@code return} first calls {@code loopLeft(iterator)} on a helper class
 * of the module, through the same {@code invokedynamic} bootstrap as advice. The helper does nothing unless the
 * iterator is a {@link LoopScope}. Leaving the loop normally needs no call: the iterator sees {@code hasNext()}.
 *
 * <p>A compiler may point a loop's exit at a label further on (the end of a {@code switch} the loop is in), so a
 * jump there need not come from inside the loop. The iterator's local is therefore loaded only where the stack map
 * frames (read expanded) and the stores since say it holds a reference: the verifier then accepts the call
 * whatever the local holds, and the helper ignores anything that is not one of its iterators.
 */
final class IteratorLoopExits implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {

  private static final Handle BOOTSTRAP =
      new Handle(
          Opcodes.H_INVOKESTATIC,
          "dev/weft/bootstrap/IndyBootstrap",
          "bootstrap",
          "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
              + "Ljava/lang/String;)Ljava/lang/invoke/CallSite;",
          false);

  private final String helperClassName;

  /** @param helperClassName a class of the module with {@code public static void loopLeft(Object iterator)} */
  IteratorLoopExits(String helperClassName) {
    this.helperClassName = helperClassName;
  }

  @Override
  public MethodVisitor wrap(
      TypeDescription instrumentedType,
      MethodDescription instrumentedMethod,
      MethodVisitor methodVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      int writerFlags,
      int readerFlags) {
    return new LoopExitVisitor(methodVisitor, helperClassName);
  }

  /** The reader flags the rewrite needs: frames with every local spelled out. */
  static int readerFlags() {
    return ClassReader.EXPAND_FRAMES;
  }

  /** One loop being visited: the label its {@code hasNext()} test jumps to when done, and the iterator's local. */
  private static final class Loop {
    final Label exit;
    final int iterator;

    Loop(Label exit, int iterator) {
      this.exit = exit;
      this.iterator = iterator;
    }
  }

  private static final class LoopExitVisitor extends MethodVisitor {
    private final String helperClassName;

    /** Loops entered and not yet closed by their exit label, innermost last. */
    private final List<Loop> loops = new ArrayList<>();

    private final Set<Label> visitedLabels = new HashSet<>();

    /** The local slots that hold a reference here: from the latest frame, then the stores since. */
    private final BitSet referenceSlots = new BitSet();

    /** The local the previous instruction loaded, if it was an {@code aload}; else -1. */
    private int loadedLocal = -1;

    /** The iterator local whose {@code hasNext()} the previous instruction called; else -1. */
    private int testedIterator = -1;

    private boolean rewritten;

    LoopExitVisitor(MethodVisitor delegate, String helperClassName) {
      super(Opcodes.ASM9, delegate);
      this.helperClassName = helperClassName;
    }

    @Override
    public void visitFrame(
        int type, int localCount, Object[] locals, int stackCount, Object[] stack) {
      super.visitFrame(type, localCount, locals, stackCount, stack);
      referenceSlots.clear();
      int slot = 0;
      for (int i = 0; i < localCount; i++) {
        if (locals[i] instanceof String) { // a class, array or interface type
          referenceSlots.set(slot);
        }
        slot += locals[i] == Opcodes.LONG || locals[i] == Opcodes.DOUBLE ? 2 : 1;
      }
      forget();
    }

    @Override
    public void visitVarInsn(int opcode, int local) {
      super.visitVarInsn(opcode, local);
      forget();
      if (opcode == Opcodes.ASTORE) {
        referenceSlots.set(local);
      } else if (opcode == Opcodes.LSTORE || opcode == Opcodes.DSTORE) {
        referenceSlots.clear(local, local + 2);
      } else if (opcode == Opcodes.ISTORE || opcode == Opcodes.FSTORE) {
        referenceSlots.clear(local);
      }
      loadedLocal = opcode == Opcodes.ALOAD ? local : -1;
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      boolean hasNext =
          opcode == Opcodes.INVOKEINTERFACE
              && "hasNext".equals(name)
              && "()Z".equals(descriptor)
              && "java/util/Iterator".equals(owner);
      testedIterator = hasNext ? loadedLocal : -1;
      loadedLocal = -1;
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      if (opcode == Opcodes.IFEQ && testedIterator >= 0 && !visitedLabels.contains(label)) {
        loops.add(new Loop(label, testedIterator));
      } else if (opcode == Opcodes.GOTO) {
        int left = indexOfLoopExitingTo(label);
        if (left >= 0) {
          leaveLoopsFrom(left);
        }
      }
      super.visitJumpInsn(opcode, label);
      forget();
    }

    @Override
    public void visitLabel(Label label) {
      visitedLabels.add(label);
      int closed = indexOfLoopExitingTo(label);
      if (closed >= 0) {
        loops.subList(closed, loops.size()).clear();
      }
      super.visitLabel(label);
      forget();
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && !loops.isEmpty()) {
        leaveLoopsFrom(0);
      }
      super.visitInsn(opcode);
      forget();
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      super.visitIntInsn(opcode, operand);
      forget();
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      super.visitTypeInsn(opcode, type);
      forget();
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      super.visitFieldInsn(opcode, owner, name, descriptor);
      forget();
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bootstrap, Object... arguments) {
      super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
      forget();
    }

    @Override
    public void visitLdcInsn(Object value) {
      super.visitLdcInsn(value);
      forget();
    }

    @Override
    public void visitIincInsn(int local, int increment) {
      super.visitIincInsn(local, increment);
      forget();
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      super.visitTableSwitchInsn(min, max, dflt, labels);
      forget();
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      super.visitLookupSwitchInsn(dflt, keys, labels);
      forget();
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
      super.visitMultiANewArrayInsn(descriptor, dimensions);
      forget();
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      // the call pushes the iterator on top of whatever the jump or return had on the stack
      super.visitMaxs(rewritten ? maxStack + 1 : maxStack, maxLocals);
    }

    private void forget() {
      loadedLocal = -1;
      testedIterator = -1;
    }

    private int indexOfLoopExitingTo(Label label) {
      for (int i = loops.size() - 1; i >= 0; i--) {
        if (loops.get(i).exit == label) {
          return i;
        }
      }
      return -1;
    }

    /** Tells the iterators of the loops from {@code outermost} to the innermost that their loops are left. */
    private void leaveLoopsFrom(int outermost) {
      for (int i = loops.size() - 1; i >= outermost; i--) {
        int iterator = loops.get(i).iterator;
        if (referenceSlots.get(iterator)) {
          super.visitVarInsn(Opcodes.ALOAD, iterator);
          super.visitInvokeDynamicInsn(
              "loopLeft", "(Ljava/lang/Object;)V", BOOTSTRAP, helperClassName);
          rewritten = true;
        }
      }
    }
  }
}

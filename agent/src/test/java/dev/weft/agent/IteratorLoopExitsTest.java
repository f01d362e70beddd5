package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.loops.LoopShapes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

class IteratorLoopExitsTest {

  private static byte[] rewritten() throws Exception {
    return new ByteBuddy()
        .redefine(
            LoopShapes.class, ClassFileLocator.ForClassLoader.of(LoopShapes.class.getClassLoader()))
        .visit(
            new AsmVisitorWrapper.ForDeclaredMethods()
                .readerFlags(IteratorLoopExits.readerFlags())
                .method(ElementMatchers.any(), new IteratorLoopExits("example.Helper")))
        .make()
        .getBytes();
  }

  /** The rewritten class passes the JVM's verifier, whatever paths lead to a loop's exit label. */
  @Test
  void rewrittenClassVerifies() throws Exception {
    byte[] bytes = rewritten();
    ClassLoader loader =
        new ClassLoader(null) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals(LoopShapes.class.getName())) {
              return defineClass(name, bytes, 0, bytes.length);
            }
            throw new ClassNotFoundException(name);
          }
        };
    // initializing links the class, which verifies every method
    assertEquals(
        LoopShapes.class.getName(),
        Class.forName(LoopShapes.class.getName(), true, loader).getName());
  }

  @Test
  void breakAndReturnInsideALoopTellTheIterator() throws Exception {
    Map<String, Integer> calls = loopLeftCalls(rewritten());
    assertEquals(1, calls.get("breakOut"), "the break");
    assertEquals(1, calls.get("returnInside"), "the return inside the loop");
    assertEquals(2, calls.get("nested"), "break outer leaves both loops");
  }

  private static Map<String, Integer> loopLeftCalls(byte[] classFile) {
    Map<String, Integer> calls = new HashMap<>();
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
                calls.put(name, 0);
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitInvokeDynamicInsn(
                      String indyName,
                      String indyDescriptor,
                      Handle bootstrap,
                      Object... arguments) {
                    if (indyName.equals("loopLeft")
                        && List.of(arguments).equals(List.of("example.Helper"))) {
                      calls.merge(name, 1, Integer::sum);
                    }
                  }
                };
              }
            },
            0);
    return calls;
  }
}

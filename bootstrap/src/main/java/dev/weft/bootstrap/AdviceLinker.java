package dev.weft.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/** Resolves an advice method for an instrumented class; the agent installs the one implementation. */
public interface AdviceLinker {

  /**
   * The advice method {@code adviceClass.methodName} of exactly {@code type}, loaded in the instrumentation
   * module class loader that belongs to {@code instrumentedClass}'s class loader; {@code null} when tracing is off,
   * which leaves the call site doing nothing.
   */
  MethodHandle link(
      Class<?> instrumentedClass, String adviceClass, String methodName, MethodType type)
      throws Throwable;
}

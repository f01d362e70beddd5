package dev.weft.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap method of every advice call site that Byte Buddy writes into an instrumented class.
 *
 * <p>The call site is linked once, to the advice method in the instrumentation module class loader for the
 * instrumented class's loader, and stays constant, so the JIT inlines through it. If linking fails for any
 * reason the call site becomes a no-op that returns the default value: an instrumented method must never fail
 * with a {@code BootstrapMethodError} because of the agent.
 */
public final class IndyBootstrap {

  private static volatile AdviceLinker linker;

  private IndyBootstrap() {}

  /** Called once by the agent before it transforms any class. */
  public static void install(AdviceLinker adviceLinker) {
    linker = adviceLinker;
  }

  public static CallSite bootstrap(
      MethodHandles.Lookup lookup,
      String adviceMethodName,
      MethodType type,
      String adviceClassName) {
    AdviceLinker current = linker;
    if (current != null) {
      try {
        MethodHandle advice =
            current.link(lookup.lookupClass(), adviceClassName, adviceMethodName, type);
        if (advice != null) {
          return new ConstantCallSite(advice);
        }
      } catch (Throwable t) {
        System.err.println(
            "[weft] WARN advice "
                + adviceClassName
                + "."
                + adviceMethodName
                + " for "
                + lookup.lookupClass().getName()
                + " could not be linked and is skipped: "
                + t);
      }
    }
    return new ConstantCallSite(MethodHandles.empty(type));
  }

  /** The bootstrap method handed to Byte Buddy. */
  public static java.lang.reflect.Method method() throws NoSuchMethodException {
    return IndyBootstrap.class.getMethod(
        "bootstrap", MethodHandles.Lookup.class, String.class, MethodType.class, String.class);
  }
}

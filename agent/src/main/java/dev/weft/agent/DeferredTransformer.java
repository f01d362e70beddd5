package dev.weft.agent;

import dev.weft.instrumentation.api.InstrumentationModule;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The class file transformer the JVM calls for every class it loads, installed in premain before Byte Buddy or
 * the SDK exist. It rejects classes on their loader and name (ignored types, then every module's
 * {@link InstrumentationModule#mayApplyTo} test) and, for the few modules that find their targets by what they use
 * ({@link InstrumentationModule#usedClasses()}), a scan of the class file's constant pool, which needs no class of
 * Byte Buddy; only a class that passes waits for the weaving transformer the init thread builds ({@link
 * AdviceWeaver}), and goes through it.
 *
 * <p>Every class the application loads passes here, so a class that no module wants costs a few string tests: a
 * class the name test of a module accepts is a candidate only if its constant pool also names one of the module's
 * {@link InstrumentationModule#referencedPrefixes()} (one scan of the constant pool, as for used classes). Asking each
 * class loader once whether it sees a used class, to skip that scan, cost more than it saved: a Spring Boot
 * executable jar's loader looks a missing resource up in each nested jar (about 150 ms), while the scans of its
 * 6,000 classes take about 40 ms.
 */
final class DeferredTransformer implements ClassFileTransformer {

  /** How long a candidate class waits for the agent to finish starting before it is left untransformed. */
  private static final long READY_WAIT_SECONDS = 10;

  private final IgnoredTypes ignoredTypes;
  private final List<InstrumentationModule> modules;
  private final ClassReferences usedClasses;

  /** Per module, in the order of {@link #modules}: its referenced prefixes, or null when it has none. */
  private final ClassReferences[] referencedPrefixes;

  private final CountDownLatch settled = new CountDownLatch(1);
  private final AtomicBoolean lateWarned = new AtomicBoolean();
  private volatile ClassFileTransformer delegate;
  private volatile Thread initThread;

  DeferredTransformer(IgnoredTypes ignoredTypes, List<InstrumentationModule> modules) {
    this.ignoredTypes = ignoredTypes;
    this.modules = modules;
    List<String> used = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      used.addAll(module.usedClasses());
    }
    this.usedClasses = ClassReferences.to(used);
    this.referencedPrefixes = new ClassReferences[modules.size()];
    for (int i = 0; i < referencedPrefixes.length; i++) {
      List<String> prefixes = modules.get(i).referencedPrefixes();
      referencedPrefixes[i] = prefixes.isEmpty() ? null : ClassReferences.to(prefixes);
    }
  }

  /**
   * The thread that builds the delegate; it never waits for itself, and classes it loads before the delegate is
   * ready are left alone (the agent retransforms those that modules name in {@code jdkTypes()}).
   */
  void initializedBy(Thread thread) {
    initThread = thread;
  }

  /** From now on candidates go through {@code transformer}; {@code null} means they are left alone. */
  void settle(ClassFileTransformer transformer) {
    delegate = transformer;
    settled.countDown();
  }

  /**
   * Whether a class already loaded is a candidate, as {@link #transform} decides; its class file is asked for only
   * when its name is not enough.
   */
  boolean isCandidate(ClassLoader loader, String internalName, Supplier<byte[]> classFile) {
    return isCandidate(loader, internalName, null, classFile);
  }

  /**
   * @param classFile the class file when it is at hand (a class being loaded), else null
   * @param classFileReader reads it when it is not and the name is not enough (a class loaded before)
   */
  private boolean isCandidate(
      ClassLoader loader, String internalName, byte[] classFile, Supplier<byte[]> classFileReader) {
    if (internalName == null || ignoredTypes.ignored(loader, internalName)) {
      return false;
    }
    byte[] bytes = classFile;
    // modules test binary names: the one conversion is paid only by classes that are not ignored
    String className = internalName.replace('/', '.');
    for (int i = 0; i < referencedPrefixes.length; i++) {
      if (modules.get(i).mayApplyTo(className)) {
        if (referencedPrefixes[i] == null) {
          return true;
        }
        bytes = bytes != null ? bytes : classFileReader.get();
        if (bytes != null && referencedPrefixes[i].refersToAny(bytes)) {
          return true;
        }
      }
    }
    if (usedClasses.isEmpty()) {
      return false;
    }
    bytes = bytes != null ? bytes : classFileReader.get();
    return bytes != null && usedClasses.refersToAny(bytes);
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (!isCandidate(loader, className, classfileBuffer, null)
        || (Thread.currentThread() == initThread && !isSettled())
        || !awaitSettled(className)) {
      return null;
    }
    ClassFileTransformer transformer = delegate;
    // a class loaded while this thread weaves another (by a class loader asked for a class file,
    // say) is left alone: weaving it would overwrite the class file the outer weaving matches on
    if (transformer == null || ClassReferences.isTransforming()) {
      return null;
    }
    ClassReferences.beingTransformed(classfileBuffer);
    try {
      return transformer.transform(
          module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable t) {
      AgentLog.debug("could not transform " + className + ": " + t);
      return null;
    } finally {
      ClassReferences.transformed();
    }
  }

  private boolean isSettled() {
    return settled.getCount() == 0;
  }

  private boolean awaitSettled(String className) {
    try {
      if (settled.await(READY_WAIT_SECONDS, TimeUnit.SECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (lateWarned.compareAndSet(false, true)) {
      AgentLog.warn(
          "the agent was not ready after "
              + READY_WAIT_SECONDS
              + " s; "
              + className
              + " and other classes loaded meanwhile stay untraced");
    }
    return false;
  }
}

package dev.weft.agent;

import dev.weft.instrumentation.api.WeakIdentityState;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a class loader can see any of the classes whose users modules instrument (Kafka's {@code ConsumerRecords},
 * the {@code @WithSpan} annotations), decided once per class loader: only then can a class it loads name one, so
 * only then is the class file scanned. An application without Kafka and without the annotations scans nothing.
 *
 * <p>A loader that gains the library later (a class path extended after its first class loaded) stays unscanned;
 * class loaders of frameworks and containers are given their libraries before they load classes.
 */
final class UsedClassVisibility {

  private final List<String> resourceNames = new ArrayList<>();
  private final WeakIdentityState<Boolean> decisions = new WeakIdentityState<>();

  /** @param usedClasses internal names */
  UsedClassVisibility(List<String> usedClasses) {
    for (String name : usedClasses) { // no stream: this runs in premain, before the first lambda is worth its cost
      resourceNames.add(name + ".class");
    }
  }

  /** @param loader the loader of the class being loaded; {@code null} (the JDK's) sees none */
  boolean seesAny(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    Boolean decision = decisions.get(loader);
    if (decision == null) {
      // scan meanwhile: finding a resource may load classes of this loader, which come back here
      decisions.put(loader, Boolean.TRUE);
      decision = decide(loader);
      decisions.put(loader, decision);
    }
    return decision;
  }

  private boolean decide(ClassLoader loader) {
    try {
      for (String resource : resourceNames) {
        if (loader.getResource(resource) != null) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException | LinkageError e) {
      return true; // a loader that cannot tell: scan, as before
    }
  }
}

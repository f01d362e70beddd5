package dev.weft.agent;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value per class loader, read without a lock (it is asked for every class transformed) and holding the class
 * loaders weakly: an entry goes once its loader is collected. The bootstrap loader ({@code null}) has a field of its
 * own. A value must not reach its loader strongly, or it keeps its own entry alive.
 */
final class LoaderMap<V> {

  private final ConcurrentHashMap<Object, V> byLoader = new ConcurrentHashMap<>();
  private final ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
  private volatile V bootstrapValue;

  /** @param loader a class loader, or null for the bootstrap loader */
  V get(ClassLoader loader) {
    return loader == null ? bootstrapValue : byLoader.get(new Lookup(loader));
  }

  /**
   * The loader's value, computed when it has none. {@code compute} runs outside any lock, since it may read class
   * files or load classes (which may come back here); two threads may both compute, and the first value stored wins.
   */
  V computeIfAbsent(ClassLoader loader, Function<ClassLoader, ? extends V> compute) {
    V known = get(loader);
    if (known != null) {
      return known;
    }
    V computed = compute.apply(loader);
    if (loader == null) {
      synchronized (this) {
        if (bootstrapValue == null) {
          bootstrapValue = computed;
        }
        return bootstrapValue;
      }
    }
    expungeCollected();
    V previous = byLoader.putIfAbsent(new Key(loader, collected), computed);
    return previous != null ? previous : computed;
  }

  /** The number of class loaders with a value, less those collected; for tests. */
  int size() {
    expungeCollected();
    return byLoader.size() + (bootstrapValue == null ? 0 : 1);
  }

  private void expungeCollected() {
    for (Reference<?> key; (key = collected.poll()) != null; ) {
      byLoader.remove(key);
    }
  }

  /** A stored key: the loader, weakly, equal to a key or {@link Lookup} of the same loader (by identity). */
  private static final class Key extends WeakReference<ClassLoader> {
    private final int hash;

    Key(ClassLoader loader, ReferenceQueue<ClassLoader> queue) {
      super(loader, queue);
      this.hash = System.identityHashCode(loader);
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      ClassLoader loader = get();
      if (loader == null) {
        return false; // collected: equal to nothing but itself, so that it can be removed
      }
      return other instanceof Lookup
          ? ((Lookup) other).loader == loader
          : other instanceof Key && ((Key) other).get() == loader;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The key a lookup is made with: the loader held strongly for the moment of the lookup. */
  private static final class Lookup {
    private final ClassLoader loader;

    Lookup(ClassLoader loader) {
      this.loader = loader;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && ((Key) other).get() == loader;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(loader);
    }
  }
}

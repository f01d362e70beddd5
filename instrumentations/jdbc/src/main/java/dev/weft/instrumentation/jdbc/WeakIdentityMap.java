package dev.weft.instrumentation.jdbc;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State attached to objects of the application (statements, connections) without keeping them alive: keys are
 * held weakly and compared by identity (a driver's {@code equals} is not ours to call), reads take no lock, and
 * entries of collected keys are dropped on later writes.
 */
final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<Object, V> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  V get(K key) {
    return entries.get(new Lookup(key));
  }

  void put(K key, V value) {
    dropCollected();
    entries.put(new WeakKey<>(key, collected), value);
  }

  V remove(K key) {
    return entries.remove(new Lookup(key));
  }

  int size() {
    dropCollected();
    return entries.size();
  }

  private void dropCollected() {
    Reference<? extends K> stale;
    while ((stale = collected.poll()) != null) {
      entries.remove(stale);
    }
  }

  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K key, ReferenceQueue<K> queue) {
      super(key, queue);
      this.hash = System.identityHashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      Object key = get();
      return key != null && other instanceof WeakKey && ((WeakKey<?>) other).get() == key;
    }
  }

  /** A key for reading, compared with the stored weak keys by its referent's identity. */
  private static final class Lookup {
    private final Object key;

    Lookup(Object key) {
      this.key = key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WeakKey && ((WeakKey<?>) other).get() == key;
    }
  }
}

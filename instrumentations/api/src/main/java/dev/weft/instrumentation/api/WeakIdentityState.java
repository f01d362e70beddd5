package dev.weft.instrumentation.api;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A value attached to objects by identity, for as long as each object lives: per-object state for classes that
 * cannot get a field of their own (JDK classes loaded before the agent, which are retransformed, and
 * retransformation may not add fields).
 *
 * <p>The objects are held weakly and compared by identity (their own {@code equals} and {@code hashCode} are never
 * called); entries of collected objects are dropped on later writes. Reads and writes take no lock of their own
 * (a {@link ConcurrentHashMap}, which locks only a bin it adds to that is not empty). An entry costs a weak
 * reference and a map node, so modules that can carry state in an object of their own (a wrapper) should.
 *
 * @param <V> the state attached to each object
 */
public final class WeakIdentityState<V> {

  private final ConcurrentHashMap<Object, V> values = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

  /** The value attached to {@code object}, or null. */
  public V get(Object object) {
    if (values.isEmpty()) { // the usual case for tasks, which take their state off when they run
      return null;
    }
    return values.get(new Lookup(object));
  }

  /** Attaches {@code value} to {@code object}, replacing any value attached before. */
  public void put(Object object, V value) {
    expungeCollected();
    values.put(new WeakKey(object, collected), value);
  }

  /** Attaches {@code value} to {@code object} unless a value is attached already; returns that value, or null. */
  public V putIfAbsent(Object object, V value) {
    V present = values.get(new Lookup(object));
    if (present != null) {
      return present;
    }
    expungeCollected();
    return values.putIfAbsent(new WeakKey(object, collected), value);
  }

  /** Detaches and returns the value attached to {@code object}, or null. */
  public V remove(Object object) {
    if (values.isEmpty()) {
      return null;
    }
    return values.remove(new Lookup(object));
  }

  /** How many objects have a value; for tests. */
  public int size() {
    expungeCollected();
    return values.size();
  }

  private void expungeCollected() {
    Reference<?> gone;
    while ((gone = collected.poll()) != null) {
      values.remove(gone);
    }
  }

  /** Both key kinds answer the referent's identity hash, and equal any key of the same referent. */
  private static boolean sameReferent(Object key, Object referent, Object other) {
    if (other == key) {
      return true;
    }
    if (referent == null) {
      return false; // a collected key equals only itself, so that expunging removes exactly it
    }
    if (other instanceof WeakKey) {
      return ((WeakKey) other).get() == referent;
    }
    return other instanceof Lookup && ((Lookup) other).referent == referent;
  }

  /** The key stored in the map. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return sameReferent(this, get(), other);
    }
  }

  /** A short-lived key to look an object up with, holding it strongly. */
  private static final class Lookup {
    private final Object referent;

    Lookup(Object referent) {
      this.referent = referent;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object other) {
      return sameReferent(this, referent, other);
    }
  }
}

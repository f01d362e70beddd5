package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoaderMapTest {

  @Test
  void aValueIsComputedOncePerLoader() {
    LoaderMap<Object> map = new LoaderMap<>();
    AtomicInteger computed = new AtomicInteger();
    ClassLoader one = new URLClassLoader(new URL[0], null);
    ClassLoader another = new URLClassLoader(new URL[0], null);

    Object first = map.computeIfAbsent(one, loader -> computed.incrementAndGet());
    Object again = map.computeIfAbsent(one, loader -> computed.incrementAndGet());
    Object other = map.computeIfAbsent(another, loader -> computed.incrementAndGet());

    assertSame(first, again);
    assertEquals(1, first);
    assertEquals(2, other);
    assertSame(first, map.get(one));
    assertEquals(2, map.size());
  }

  @Test
  void theBootstrapLoaderHasAValueOfItsOwn() {
    LoaderMap<String> map = new LoaderMap<>();
    ClassLoader application = LoaderMapTest.class.getClassLoader();

    assertNull(map.get(null));
    assertEquals("boot", map.computeIfAbsent(null, loader -> "boot"));
    assertEquals("boot", map.computeIfAbsent(null, loader -> "second"));
    assertEquals("application", map.computeIfAbsent(application, loader -> "application"));
    assertEquals("boot", map.get(null));
    assertEquals(2, map.size());
  }

  /** The map does not keep a loader alive, and its entry goes with it. */
  @Test
  void aCollectedLoadersEntryGoes() {
    LoaderMap<String> map = new LoaderMap<>();
    WeakReference<ClassLoader> collectable = storeForATemporaryLoader(map);

    for (int i = 0; i < 100 && collectable.get() != null; i++) {
      System.gc();
    }

    assertNull(collectable.get(), "the loader was not collected");
    // the cleared reference reaches the map's queue a moment after the collection
    for (int i = 0; i < 100 && map.size() != 0; i++) {
      System.gc();
      Thread.onSpinWait();
    }
    assertEquals(0, map.size());
  }

  private static WeakReference<ClassLoader> storeForATemporaryLoader(LoaderMap<String> map) {
    ClassLoader temporary = new URLClassLoader(new URL[0], null);
    map.computeIfAbsent(temporary, loader -> "value");
    assertEquals(1, map.size());
    return new WeakReference<>(temporary);
  }
}
